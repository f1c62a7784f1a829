// cache_stats and cache_prune, the API's maintenance calls: where a refused directory
// becomes a warning and an empty result (storage/local/maintenance.hpp does the work).

#include <cachepy/api.hpp>

#include "../logging/logging.hpp"
#include "../storage/local/maintenance.hpp"

#include <filesystem>

namespace cachepy {
namespace {

// For the API: a missing directory is an empty cache; one that does not look like a
// cache gives one warning and the empty result.
template <class Result, class Run>
Result unless_refused(const std::string &dir, const char *caller, const char *refused, Run run) {
  try {
    std::error_code missing;
    if (!std::filesystem::exists(dir, missing))
      return Result{};
    return run();
  } catch (const std::exception &error) {
    detail::log_warning(std::string(caller) + ": " + error.what() + "; " + refused);
    return Result{};
  }
}

} // namespace

stats cache_stats(const std::string &dir) {
  const detail::cache_summary summary = unless_refused<detail::cache_summary>(
      dir, "cache_stats", "nothing counted", [&] { return detail::summarize_cache(dir); });
  stats result;
  result.n_entries = summary.entries;
  result.total_size_mb = static_cast<double>(summary.bytes) / (1024.0 * 1024.0);
  return result;
}

std::size_t cache_prune(const std::string &dir, double days_old) {
  return unless_refused<std::vector<detail::entry_info>>(
             dir, "cache_prune", "nothing removed",
             [&] { return detail::prune_cache(dir, days_old, std::nullopt, false); })
      .size();
}

} // namespace cachepy
