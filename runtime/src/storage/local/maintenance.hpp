#ifndef CACHEPY_STORAGE_LOCAL_MAINTENANCE_HPP
#define CACHEPY_STORAGE_LOCAL_MAINTENANCE_HPP

// Counting and pruning a cache directory: the one implementation behind cache_stats
// and `cachepy stats`, cache_prune and `cachepy prune`. Both refuse (std::runtime_error)
// a missing directory or one that does not look like a cache (open_cache); the API
// turns that into a warning, the command line into an error.

#include "inspect.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cachepy::detail {

// What a prune removes, least recently used first: the entries unused for more than
// days_old days, then the least recently used others until the rest fits in max_bytes.
std::vector<entry_info> entries_to_prune(const cache_listing &listing,
                                         std::optional<double> days_old,
                                         std::optional<std::uint64_t> max_bytes);

struct cache_summary {
  std::size_t entries = 0;
  std::uint64_t bytes = 0;
  std::size_t functions = 0;
};
cache_summary summarize_cache(const std::string &dir);

// Removes (unless dry_run) what entries_to_prune picks in the cache at dir, and what
// killed processes left there; returns the entries it removed (or would remove).
std::vector<entry_info> prune_cache(const std::string &dir, std::optional<double> days_old,
                                    std::optional<std::uint64_t> max_bytes, bool dry_run);

// Removes one file list_cache found (an entry or a side file), never through a
// symbolic link put in place of its function directory since; true if it did.
bool remove_listed_file(const std::string &path) noexcept;

// Removes a function's entries and side files as listed, then its directory if that
// leaves it empty (nothing else is removed: not remove_all).
void remove_function(const std::string &dir, const function_info &function) noexcept;

// Removes `entries` of the cache at dir, then what killed processes left in its
// function directories and the hit counts of entries that are gone; returns how many
// entries it removed.
std::size_t remove_entries(const std::string &dir, const cache_listing &listing,
                           const std::vector<entry_info> &entries) noexcept;

} // namespace cachepy::detail

#endif
