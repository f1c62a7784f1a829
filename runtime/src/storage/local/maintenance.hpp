#ifndef CACHEPY_STORAGE_LOCAL_MAINTENANCE_HPP
#define CACHEPY_STORAGE_LOCAL_MAINTENANCE_HPP

// Pruning a cache directory, shared by cache_prune and `cachepy prune`.

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

// Removes `entries` of the cache at dir, then what killed processes left in its
// function directories and the hit counts of entries that are gone; returns how many
// entries it removed.
std::size_t remove_entries(const std::string &dir, const cache_listing &listing,
                           const std::vector<entry_info> &entries) noexcept;

} // namespace cachepy::detail

#endif
