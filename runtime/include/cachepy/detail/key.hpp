#ifndef CACHEPY_DETAIL_KEY_HPP
#define CACHEPY_DETAIL_KEY_HPP

// Key derivation: XXH3-128 over the function's site hash (format version, identity,
// AST hash) followed by the bound arguments, serialized straight into the hash state.

#include "function_ref.hpp"
#include "hash_archive.hpp"

#include <cstdint>
#include <string>

namespace cachepy::detail {

// Bumped whenever the key derivation or the entry layout changes meaning.
inline constexpr std::uint32_t format_version = 2;

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
              std::uint64_t ast_hash_low, const char *version);

// XXH3-128 of `seed` followed by what `feed` writes into the archive. The archive is
// made and destroyed in the library: cereal's archive bases carry hash tables whose code
// would otherwise be compiled again in every translation unit with a cached function.
key hash_with(const key &seed, function_ref<void(hash_archive &)> feed);

template <class... Args> key derive_key(const key &seed, const Args &...args) {
  return hash_with(seed, [&](hash_archive &archive) { (archive(hashable(args)), ...); });
}

} // namespace cachepy::detail

#endif
