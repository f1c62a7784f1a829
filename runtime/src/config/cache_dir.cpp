#include <cachepy/detail/cache_dir.hpp>

#include <cstdlib>

namespace cachepy::detail {

std::string_view cache_dir_arg::resolve() const {
  if (!dir_.empty())
    return dir_;
  static const std::string fallback = [] {
    const char *from_env = std::getenv("CACHEPY_CACHE_DIR");
    return std::string(from_env && *from_env ? from_env : ".cachepy");
  }();
  return fallback;
}

bool caching_disabled() {
  static const bool disabled = [] {
    const char *value = std::getenv("CACHEPY_DISABLE");
    return value && *value && std::string_view(value) != "0";
  }();
  return disabled;
}

} // namespace cachepy::detail
