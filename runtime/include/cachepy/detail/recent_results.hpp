#ifndef CACHEPY_DETAIL_RECENT_RESULTS_HPP
#define CACHEPY_DETAIL_RECENT_RESULTS_HPP

// The in-process layer in front of the disk: results this process recently read or
// stored, kept as values, so that a repeated hit costs a key derivation, a lookup and
// a copy instead of a file read and a decode. Bounded by the configuration's
// memory_mb (least recently used first out; sizes are the entries' payload sizes).
// It sees only what this process did: an entry another process forces or removes
// keeps its old value here until this process forgets it.

#include "hit_counter.hpp"
#include "key.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace cachepy::detail {

// One identity per C++ type, without RTTI: kept values are only given back to the
// type that kept them.
template <class T> struct type_tag {
  static constexpr char id = 0;
};

struct kept_value {
  std::shared_ptr<const void> value;
  const void *type = nullptr;
  hit_count *hits = nullptr;
};

// The value kept for (cache_dir, k), or an empty value.
kept_value find_recent(std::string_view cache_dir, const key &k);

// Whether a value of this size is worth a copy: small ones always, large ones from
// their second use in this process (a one-off read of a large result is not copied).
bool worth_keeping(std::string_view cache_dir, const key &k, std::uint64_t size,
                   std::size_t limit);

void keep_recent(std::string_view cache_dir, const key &k, kept_value kept,
                 std::uint64_t size, std::size_t limit);

void forget_recent(std::string_view cache_dir, const key &k);

} // namespace cachepy::detail

#endif
