#ifndef CACHEPY_DETAIL_HIT_COUNTER_HPP
#define CACHEPY_DETAIL_HIT_COUNTER_HPP

// Hits are counted in memory and appended, once per process at exit, to
// <function dir>/hits.log ("<key hex> <count>" lines), for `cachepy ls`. A hit itself
// stays free of disk writes.

#include "store.hpp"

namespace cachepy::detail {

void count_hit(const entry_address &where) noexcept;

} // namespace cachepy::detail

#endif
