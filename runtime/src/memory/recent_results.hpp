#ifndef CACHEPY_DETAIL_RECENT_RESULTS_HPP
#define CACHEPY_DETAIL_RECENT_RESULTS_HPP

// The in-process layer in front of the disk: results this process recently read or
// stored, kept as values, so that a repeated hit costs a key derivation, a lookup and
// a copy instead of a file read and a decode. Bounded by the configuration's
// memory_mb (least recently used first out; sizes are the entries' payload sizes).
// It sees only what this process did: an entry another process forces or removes
// keeps its old value here until this process forgets it.

#include <cachepy/detail/key.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <memory>
#include <string>
#include <string_view>

namespace cachepy::detail {

struct kept_value {
  std::shared_ptr<const void> value;
  const void *type = nullptr;
  // The entry's count of hits, which the caller keeps (a storage notion: this layer
  // knows no entry file).
  std::atomic<unsigned long> *hits = nullptr;
};

// The value kept for (cache_dir, k), or an empty value. Hits from memory are uses of
// the entry too: once a day `refresh_due` is set, and the caller refreshes the
// entry's modification time (what cache_prune ages).
kept_value find_recent(std::string_view cache_dir, const key &k, bool &refresh_due,
                       std::time_t now = std::time(nullptr));

// Counts forget_recent calls: a value read before a concurrent `force` forgot its key
// must not be kept over the forced one, so keep_recent takes the count seen before
// the value was read and keeps nothing if it has moved since. A force forgets once its
// new entry is in place, so a read that saw the old entry always began before.
std::uint64_t recent_generation();

// Whether a value of this size is worth a copy: small ones always, large ones that this
// process computed (the common pattern is a miss, then hits) or read twice (a one-off
// read of a large result is not copied).
bool worth_keeping(std::string_view cache_dir, const key &k, std::uint64_t size,
                   std::size_t limit, bool computed);

void keep_recent(std::string_view cache_dir, const key &k, kept_value kept, std::uint64_t size,
                 std::size_t limit, std::uint64_t generation);

// Returns the generation it began, under which the forced value may be kept.
std::uint64_t forget_recent(std::string_view cache_dir, const key &k);

} // namespace cachepy::detail

#endif
