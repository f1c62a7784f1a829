// cache_stats and cache_prune: walks over a cache directory that look only at files
// named like entries (32 hex digits + ".cpy"), never at anything else found there.

#include <cachepy/api.hpp>
#include <cachepy/detail/store.hpp>

#include <chrono>
#include <filesystem>
#include <algorithm>
#include <functional>

namespace cachepy {
namespace {

namespace fs = std::filesystem;

bool is_entry_name(const std::string &name) {
  if (name.size() != 36 || name.compare(32, 4, ".cpy") != 0)
    return false;
  for (std::size_t i = 0; i < 32; ++i)
    if (!std::isxdigit(static_cast<unsigned char>(name[i])))
      return false;
  return true;
}

void for_each_entry(const std::string &dir, const std::function<void(const fs::directory_entry &)> &visit) {
  std::error_code error;
  fs::recursive_directory_iterator it(dir, error), end;
  for (; !error && it != end; it.increment(error)) {
    if (it->is_regular_file(error) && is_entry_name(it->path().filename().native()))
      visit(*it);
  }
}

} // namespace

stats cache_stats(const std::string &dir) {
  stats result;
  std::uintmax_t bytes = 0;
  for_each_entry(dir, [&](const fs::directory_entry &entry) {
    std::error_code error;
    const std::uintmax_t size = entry.file_size(error);
    if (error)
      return;
    ++result.n_entries;
    bytes += size;
  });
  result.total_size_mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
  return result;
}

std::size_t cache_prune(const std::string &dir, double days_old) {
  // Clamped: nanosecond clocks overflow past ~290 years, and a wrapped cutoff would
  // remove everything.
  const double bounded_days = std::min(std::max(days_old, 0.0), 36500.0);
  const auto cutoff = fs::file_time_type::clock::now() -
                      std::chrono::duration_cast<fs::file_time_type::duration>(
                          std::chrono::duration<double, std::ratio<86400>>(bounded_days));
  std::vector<fs::path> stale;
  for_each_entry(dir, [&](const fs::directory_entry &entry) {
    std::error_code error;
    const auto modified = entry.last_write_time(error);
    if (!error && modified < cutoff)
      stale.push_back(entry.path());
  });
  std::size_t removed = 0;
  std::error_code error;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error))
    if (it->is_directory(error))
      detail::remove_stale_debris(it->path().native());
  for (const fs::path &path : stale) {
    std::error_code error;
    removed += fs::remove(path, error) ? 1 : 0;
  }
  return removed;
}

} // namespace cachepy
