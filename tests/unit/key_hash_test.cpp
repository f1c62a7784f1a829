#include <cachepy/detail/key.hpp>
#include <cereal/types/map.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

namespace cachepy::detail {
namespace {

template <class... Args> key hash_of(const Args &...args) {
  return derive_key(key{1, 2}, args...);
}

key raw_hash(const void *data, std::size_t size) {
  XXH3_state_t state;
  XXH3_128bits_reset(&state);
  const key site{1, 2};
  XXH3_128bits_update(&state, &site, sizeof site);
  XXH3_128bits_update(&state, data, size);
  const XXH128_hash_t digest = XXH3_128bits_digest(&state);
  return key{digest.high64, digest.low64};
}

TEST(KeyHash, ArithmeticValuesAreHashedAsTheirBytes) {
  const double value = 2.5;
  EXPECT_EQ(hash_of(value), raw_hash(&value, sizeof value));
}

TEST(KeyHash, ContiguousArithmeticDataIsHashedAsOneBlock) {
  const std::vector<double> values{1.0, 2.0, 3.0};
  // cereal writes the size tag (a 64-bit count) and then the block.
  struct {
    std::uint64_t size;
    double data[3];
  } expected{3, {1.0, 2.0, 3.0}};
  EXPECT_EQ(hash_of(values), raw_hash(&expected, sizeof expected));
}

TEST(KeyHash, StringsAreLengthPrefixedSoBoundariesMatter) {
  EXPECT_NE(hash_of(std::string("ab"), std::string("c")),
            hash_of(std::string("a"), std::string("bc")));
}

TEST(KeyHash, EqualValuesGiveEqualKeysAndDifferentValuesDifferentKeys) {
  const std::map<std::string, std::vector<int>> a{{"x", {1, 2}}};
  auto b = a;
  EXPECT_EQ(hash_of(a), hash_of(b));
  b["x"].push_back(3);
  EXPECT_NE(hash_of(a), hash_of(b));
}

struct point {
  int x = 0;
  int y = 0;
  template <class Archive> void serialize(Archive &archive) { archive(x, y); }
};

TEST(KeyHash, UserTypesWithSerializeAreHashable) {
  EXPECT_EQ(hash_of(point{1, 2}), hash_of(point{1, 2}));
  EXPECT_NE(hash_of(point{1, 2}), hash_of(point{2, 1}));
}

} // namespace
} // namespace cachepy::detail
