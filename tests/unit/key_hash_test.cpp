#include <cachepy/detail/key.hpp>
#include <cachepy/types.hpp>

#include <gtest/gtest.h>

#include <cstring>
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

TEST(KeyHash, ANullCStringIsNotTheEmptyString) {
  const char *null = nullptr;
  EXPECT_NE(hash_of(null), hash_of(""));
  EXPECT_EQ(hash_of(null), hash_of(null));
  // Nor is it nothing: with two C strings, the null one's position matters.
  EXPECT_NE(hash_of(null, "x"), hash_of("x", null));
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

TEST(KeyHash, LongDoublesHashWithoutTheirPadding) {
  long double a = 0.1L;
  long double b = 0.1L;
  std::memset(reinterpret_cast<char *>(&a) + 10, 0x00, sizeof a - 10);
  std::memset(reinterpret_cast<char *>(&b) + 10, 0xab, sizeof b - 10);
  EXPECT_EQ(hash_of(a), hash_of(b));
  EXPECT_EQ(hash_of(std::vector<long double>{a, a}), hash_of(std::vector<long double>{b, b}));
  EXPECT_NE(hash_of(0.1L), hash_of(0.2L));
}

struct named {
  std::string label;
  std::vector<float> weights;
  template <class Archive> void serialize(Archive &archive) {
    archive(CEREAL_NVP(label), CEREAL_NVP(weights));
  }
};
enum class mode : short { fast = 3 };

// Keys computed by the hash archive cachepy used before its value archive: entries
// stored then are still found.
TEST(KeyHash, KeysAreThoseOfEarlierVersions) {
  const key seed{1, 2};
  EXPECT_EQ(derive_key(seed, 42, 2.5, true, 'c', std::uint64_t{7}).hex(),
            "233bb1d6f9c470496d5336c6c8bb562b");
  EXPECT_EQ(derive_key(seed, std::string("abc"), "cstr", std::string_view("view")).hex(),
            "ce0989ad0f6a8845d99e1a541571ed6e");
  EXPECT_EQ(derive_key(seed, std::vector<double>{1.5, 2.5},
                       std::map<std::string, int>{{"a", 1}, {"b", 2}},
                       std::vector<bool>{true, false, true})
                .hex(),
            "5de6043a63ad405b8437326597ade1a0");
  EXPECT_EQ(derive_key(seed, std::optional<int>(3), std::optional<int>(),
                       std::tuple<int, char>(1, 'x'), std::pair<int, double>(4, 0.5),
                       std::variant<int, std::string>(std::string("v")))
                .hex(),
            "1c5c31bad0e3b5905ee1c7aafb44c3f0");
  EXPECT_EQ(derive_key(seed, point{1, 2}, named{"n", {0.25f, 0.5f}}, mode::fast,
                       std::array<int, 3>{1, 2, 3})
                .hex(),
            "4ce026435746cba695cfa774055807ff");
  EXPECT_EQ(derive_key(seed, std::make_shared<int>(5), std::unique_ptr<int>()).hex(),
            "a3c67718c5d5e967684f12b37abc2e97");
}

} // namespace
} // namespace cachepy::detail
