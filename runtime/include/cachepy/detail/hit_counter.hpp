#ifndef CACHEPY_DETAIL_HIT_COUNTER_HPP
#define CACHEPY_DETAIL_HIT_COUNTER_HPP

// Hits are counted in memory and appended, once per process as it exits, to
// <function dir>/hits.log ("<key hex> <count>" lines), for `cachepy ls`. A hit itself
// stays free of disk writes.

#include "store.hpp"

#include <atomic>

namespace cachepy::detail {

using hit_count = std::atomic<unsigned long>;

// The entry's counter for this process, never freed; nullptr if it cannot be
// made (counting is a convenience, never a reason to fail a hit).
hit_count *hit_count_of(const entry_address &where) noexcept;

inline void count_hit(hit_count *count) noexcept {
  if (count)
    count->fetch_add(1, std::memory_order_relaxed);
}

} // namespace cachepy::detail

#endif
