#include "recent_results.hpp"

#include <ctime>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <xxhash.h>

namespace cachepy::detail {
namespace {

// Below this, a value is kept on its first use: copying it costs less than a lookup.
constexpr std::uint64_t small_value_bytes = 64 * 1024;
constexpr std::size_t max_remembered_uses = 4096;
// What an entry costs beyond its payload: the list and map nodes, the value's control
// block and object. Charged so that many tiny values (void results) stay bounded too.
constexpr std::uint64_t entry_overhead_bytes = 256;

struct key_hasher {
  std::size_t operator()(const key &k) const { return static_cast<std::size_t>(k.low); }
};

// The same function cached in two directories has two entries under one key.
key slot_of(std::string_view cache_dir, const key &k) {
  return key{k.high ^ XXH3_64bits(cache_dir.data(), cache_dir.size()), k.low};
}

constexpr std::time_t refresh_interval_seconds = 24 * 60 * 60;

struct recent_entry {
  key slot;
  kept_value kept;
  std::uint64_t size;
  std::time_t refreshed; // when the entry's modification time was last made "now"
};

struct recent_state {
  std::mutex mutex;
  std::list<recent_entry> by_use; // most recently used first
  std::unordered_map<key, std::list<recent_entry>::iterator, key_hasher> by_slot;
  std::unordered_set<key, key_hasher> used_once; // large values read once
  std::uint64_t total = 0;
  std::uint64_t generation = 0;

  void erase(std::list<recent_entry>::iterator it) {
    total -= it->size;
    by_slot.erase(it->slot);
    by_use.erase(it);
  }
  void erase(const key &slot) {
    const auto found = by_slot.find(slot);
    if (found != by_slot.end())
      erase(found->second);
  }
};

recent_state &state() {
  static recent_state *instance = new recent_state; // kept values outlive static destructors
  return *instance;
}

} // namespace

kept_value find_recent(std::string_view cache_dir, const key &k, bool &refresh_due,
                       std::time_t now) {
  recent_state &s = state();
  const key slot = slot_of(cache_dir, k);
  std::lock_guard<std::mutex> lock(s.mutex);
  const auto found = s.by_slot.find(slot);
  if (found == s.by_slot.end())
    return {};
  s.by_use.splice(s.by_use.begin(), s.by_use, found->second);
  recent_entry &entry = *found->second;
  if (now - entry.refreshed > refresh_interval_seconds) {
    entry.refreshed = now;
    refresh_due = true;
  }
  return entry.kept;
}

bool worth_keeping(std::string_view cache_dir, const key &k, std::uint64_t size,
                   std::size_t limit, bool computed) {
  if (size > limit)
    return false;
  if (size <= small_value_bytes || computed)
    return true;
  recent_state &s = state();
  const key slot = slot_of(cache_dir, k);
  std::lock_guard<std::mutex> lock(s.mutex);
  if (s.used_once.erase(slot))
    return true;
  if (s.used_once.size() >= max_remembered_uses)
    s.used_once.clear();
  s.used_once.insert(slot);
  return false;
}

std::uint64_t recent_generation() {
  recent_state &s = state();
  std::lock_guard<std::mutex> lock(s.mutex);
  return s.generation;
}

void keep_recent(std::string_view cache_dir, const key &k, kept_value kept, std::uint64_t size,
                 std::size_t limit, std::uint64_t generation) {
  recent_state &s = state();
  const key slot = slot_of(cache_dir, k);
  size += entry_overhead_bytes;
  std::lock_guard<std::mutex> lock(s.mutex);
  if (generation != s.generation)
    return;
  s.erase(slot);
  s.by_slot.reserve(s.by_slot.size() + 1); // so that nothing below can throw half-way
  s.by_use.push_front(
      recent_entry{slot, std::move(kept), size, std::time(nullptr)});
  s.by_slot.emplace(slot, s.by_use.begin());
  s.total += size;
  while (s.total > limit && !s.by_use.empty())
    s.erase(std::prev(s.by_use.end()));
}

std::uint64_t forget_recent(std::string_view cache_dir, const key &k) {
  recent_state &s = state();
  const key slot = slot_of(cache_dir, k);
  std::lock_guard<std::mutex> lock(s.mutex);
  s.erase(slot);
  return ++s.generation;
}

} // namespace cachepy::detail
