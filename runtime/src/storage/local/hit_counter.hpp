#ifndef CACHEPY_DETAIL_HIT_COUNTER_HPP
#define CACHEPY_DETAIL_HIT_COUNTER_HPP

// Hits are counted in memory and appended, once per process as it exits, to
// <function dir>/hits.log ("<key hex> <count>" lines), for `cachepy ls`. A hit itself
// stays free of disk writes. A log grown large is rewritten with one line per key
// that still has an entry, so it stays about as small as the function's entries; the
// processes appending to and rewriting one log take turns (a lock on it), so no count
// is lost.

#include <atomic>
#include <map>
#include <string>
#include <string_view>

namespace cachepy::detail {

using hit_count = std::atomic<unsigned long>;

// The entry's counter for this process, never freed; nullptr if it cannot be
// made (counting is a convenience, never a reason to fail a hit).
hit_count *hit_count_of(const std::string &function_dir, std::string_view key_hex) noexcept;

inline void count_hit(hit_count *count) noexcept {
  if (count)
    count->fetch_add(1, std::memory_order_relaxed);
}

// The hits recorded in a function directory's log, by key hex.
std::map<std::string, unsigned long> read_hit_log(const std::string &function_dir);

// Rewrites the log now, without the keys whose entries are gone (after a prune).
void compact_hit_log(const std::string &function_dir) noexcept;

} // namespace cachepy::detail

#endif
