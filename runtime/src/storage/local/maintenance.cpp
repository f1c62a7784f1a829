// Pruning, for cache_prune and `cachepy prune`, and counting, for cache_stats. Both look
// only at a directory that looks like a cache (detail::open_cache).

#include "maintenance.hpp"

#include "layout.hpp"
#include "local_storage.hpp"

#include "hit_counter.hpp"

#include <algorithm>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace cachepy {
namespace detail {

std::vector<entry_info> entries_to_prune(const cache_listing &listing,
                                         std::optional<double> days_old,
                                         std::optional<std::uint64_t> max_bytes) {
  std::vector<entry_info> entries = all_entries(listing);
  std::sort(entries.begin(), entries.end(),
            [](const entry_info &a, const entry_info &b) { return a.modified < b.modified; });
  const std::time_t now = std::time(nullptr);
  std::vector<entry_info> removed;
  std::uint64_t remaining = total_size(entries);
  for (const entry_info &entry : entries) {
    const bool too_old = days_old && age_days(entry.modified, now) > *days_old;
    const bool over_size = max_bytes && remaining > *max_bytes;
    if (!too_old && !over_size)
      continue;
    removed.push_back(entry);
    remaining -= entry.size;
  }
  return removed;
}

bool remove_listed_file(const std::string &path) noexcept {
  // unlinkat in the function directory opened without following a link: a link put in
  // its place since the listing is not followed.
  try {
    const std::size_t slash = path.rfind('/');
    if (slash == std::string::npos)
      return false;
    const int directory =
        ::open(path.substr(0, slash).c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (directory < 0)
      return false;
    const bool removed = ::unlinkat(directory, path.c_str() + slash + 1, 0) == 0;
    ::close(directory);
    return removed;
  } catch (...) {
    return false; // out of memory copying the path: the file stays
  }
}

std::size_t remove_entries(const std::string &dir, const cache_listing &listing,
                           const std::vector<entry_info> &entries) noexcept {
  std::size_t removed = 0;
  for (const entry_info &entry : entries)
    removed += remove_listed_file(entry.path) ? 1 : 0;
  try {
    for (const function_info &function : listing.functions) {
      const std::string function_dir = layout::function_directory(dir, function.directory);
      remove_stale_debris(function_dir);
      compact_hit_log(function_dir); // the removed entries' hits go with them
    }
  } catch (...) {
    // Out of memory building a path: the rest waits for the next prune.
  }
  return removed;
}

void remove_function(const std::string &dir, const function_info &function) noexcept {
  for (const entry_info &entry : function.entries)
    remove_listed_file(entry.path);
  for (const std::string &path : function.side_files)
    remove_listed_file(path);
  try {
    ::rmdir(layout::function_directory(dir, function.directory).c_str()); // if now empty
  } catch (...) {
    // Out of memory building the path: the empty directory stays.
  }
}

cache_summary summarize_cache(const std::string &dir) {
  const cache_listing listing = open_cache(dir);
  const std::vector<entry_info> entries = all_entries(listing);
  return {entries.size(), total_size(entries), listing.functions.size()};
}

std::vector<entry_info> prune_cache(const std::string &dir, std::optional<double> days_old,
                                    std::optional<std::uint64_t> max_bytes, bool dry_run) {
  const cache_listing listing = open_cache(dir);
  std::vector<entry_info> removed = entries_to_prune(listing, days_old, max_bytes);
  if (!dry_run)
    remove_entries(dir, listing, removed);
  return removed;
}

} // namespace detail

} // namespace cachepy
