#ifndef CACHEPY_DETAIL_KEY_HPP
#define CACHEPY_DETAIL_KEY_HPP

// Key derivation: XXH3-128 over the function's site hash (format version, identity,
// AST hash) followed by the bound arguments, serialized straight into the hash state
// (through value_writer, writing the bytes cereal's binary archive would write).

#include "function_ref.hpp"
#include "value_archive.hpp"

#include <cstdint>
#include <string>

namespace cachepy::detail {

// Bumped whenever the key derivation or the entry layout changes meaning.
inline constexpr std::uint32_t format_version = 3;

struct key {
  std::uint64_t high = 0;
  std::uint64_t low = 0;

  std::string hex() const;
  template <class Archive> void serialize(Archive &archive) { archive(high, low); }
  friend bool operator==(const key &a, const key &b) {
    return a.high == b.high && a.low == b.low;
  }
  friend bool operator!=(const key &a, const key &b) { return !(a == b); }
};

// Hash of what is fixed for one function: computed once per call site.
key site_hash(const char *identity, std::uint64_t ast_hash_high,
              std::uint64_t ast_hash_low, std::uint64_t layout, const char *version);

// XXH3-128 of `seed` followed by what `feed` writes into the archive.
key hash_with(const key &seed, function_ref<void(value_writer &)> feed);
// The same with no seed.
key hash_of(function_ref<void(value_writer &)> feed);

template <class... Args> key derive_key(const key &seed, const Args &...args) {
  return hash_with(seed, [&](value_writer &archive) { (archive(hashable(args)), ...); });
}

} // namespace cachepy::detail

#endif
