#ifndef CACHEPY_DETAIL_CACHE_DIR_HPP
#define CACHEPY_DETAIL_CACHE_DIR_HPP

// The cache directory named by the attribute's first argument: any string-like or path
// expression, evaluated at call time; empty means the configured default.

#include <string>
#include <string_view>
#include <utility>

namespace cachepy::detail {

class cache_dir_arg {
public:
  cache_dir_arg() = default;
  cache_dir_arg(const char *dir) : dir_(dir ? dir : "") {}
  cache_dir_arg(std::string_view dir) : dir_(dir) {}
  cache_dir_arg(const std::string &dir) : dir_(dir) {}
  // std::filesystem::path and alike, without making every user TU parse <filesystem>.
  template <class Path, class = decltype(std::declval<const Path &>().native())>
  cache_dir_arg(const Path &dir) : dir_(dir.native()) {}

  std::string_view resolve(std::string_view fallback) const {
    return dir_.empty() ? fallback : dir_;
  }

private:
  std::string_view dir_;
};

} // namespace cachepy::detail

#endif
