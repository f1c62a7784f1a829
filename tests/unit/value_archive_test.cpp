// value_writer and value_reader must write and read exactly what cereal's own
// archives do, format by format: entries written before this indirection, and entries
// written by cereal itself, stay readable, and the key of a value does not change.

#include <cachepy/detail/value_codec.hpp>
#include <cachepy/types.hpp>

#include <cereal/archives/binary.hpp>
#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <forward_list>
#include <list>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

// The bytes asked of operator new, for the tests that a forged count allocates about
// what its payload holds (every test of this binary goes through here; only those
// tests read it).
// A sanitizer brings its own operator new (ThreadSanitizer's cannot be replaced): built
// with one, nothing is counted and those tests are skipped.
#if defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define CACHEPY_TEST_SANITIZED
#endif
#endif
namespace {
std::atomic<std::size_t> allocated{0};
#ifdef CACHEPY_TEST_SANITIZED
constexpr bool counts_allocations = false;
#else
constexpr bool counts_allocations = true;
#endif
} // namespace
#ifndef CACHEPY_TEST_SANITIZED
void *operator new(std::size_t size) {
  allocated += size;
  if (void *memory = std::malloc(size == 0 ? 1 : size))
    return memory;
  throw std::bad_alloc();
}
void operator delete(void *memory) noexcept { std::free(memory); }
void operator delete(void *memory, std::size_t) noexcept { std::free(memory); }
#endif

namespace cachepy::detail {
namespace {

enum class color : std::uint8_t { red, green };

// Saved as one value (cereal's "minimal" serialization): no JSON node of its own.
struct celsius {
  double degrees = 0;
  template <class Archive> double save_minimal(const Archive &) const { return degrees; }
  template <class Archive> void load_minimal(const Archive &, const double &value) {
    degrees = value;
  }
  bool operator==(const celsius &other) const { return degrees == other.degrees; }
};

struct versioned {
  int value = 0;
  template <class Archive> void serialize(Archive &archive, std::uint32_t) { archive(value); }
  bool operator==(const versioned &other) const { return value == other.value; }
};

// Counts its items with a 32-bit size tag: 4 bytes in the binary formats.
struct counted32 {
  std::vector<int> items;
  template <class Archive> void save(Archive &archive) const {
    std::uint32_t count = static_cast<std::uint32_t>(items.size());
    archive(cereal::make_size_tag(count));
    for (int item : items)
      archive(item);
  }
  template <class Archive> void load(Archive &archive) {
    std::uint32_t count = 0;
    archive(cereal::make_size_tag(count));
    items.resize(count);
    for (int &item : items)
      archive(item);
  }
  bool operator==(const counted32 &other) const { return items == other.items; }
};

struct sample {
  std::string name;
  std::vector<double> readings;
  std::map<std::string, std::vector<int>> groups;
  std::optional<std::string> note;
  std::tuple<int, char, long double> mixed;
  std::pair<bool, float> flag;
  std::array<double, 3> position{};
  std::vector<bool> bits;
  std::variant<int, std::string> either;
  color shade = color::red;
  celsius temperature;
  versioned stamped;
  std::unique_ptr<int> owned;
  std::vector<std::uint16_t> counts;
  double triple[3] = {};
  int grid[2][3] = {};

  template <class Archive> void serialize(Archive &archive) {
    archive(CEREAL_NVP(name), CEREAL_NVP(readings), groups, note, mixed, flag, position, bits,
            either, shade, CEREAL_NVP(temperature), stamped, owned, counts, triple,
            CEREAL_NVP(grid));
  }
  bool operator==(const sample &other) const {
    return name == other.name && readings == other.readings && groups == other.groups &&
           note == other.note && mixed == other.mixed && flag == other.flag &&
           position == other.position && bits == other.bits && either == other.either &&
           shade == other.shade && temperature == other.temperature &&
           stamped == other.stamped && (owned && other.owned) && *owned == *other.owned &&
           counts == other.counts && std::equal(triple, triple + 3, other.triple) &&
           std::equal(&grid[0][0], &grid[0][0] + 6, &other.grid[0][0]);
  }
};

sample make_sample() {
  sample s;
  s.name = "h\"llo\" w\xc3\xb6rld";
  s.readings = {1.5, -2.25, 1e300};
  s.groups = {{"a", {1, 2}}, {"b", {}}};
  s.note = "noted";
  s.mixed = {-7, 'x', 0.1L};
  s.flag = {true, 0.5f};
  s.position = {1, 2, 3};
  s.bits = {true, false, true};
  s.either = std::string("right");
  s.shade = color::green;
  s.temperature = {36.6};
  s.stamped = {42};
  s.owned = std::make_unique<int>(9);
  s.counts = {1, 65535};
  s.triple[0] = 0.5;
  s.triple[2] = -1;
  s.grid[0][1] = 7;
  s.grid[1][2] = 9;
  return s;
}

template <class Archive, class T> std::string cereal_bytes(const T &value) {
  std::ostringstream out;
  {
    Archive archive(out);
    archive(value);
  }
  return out.str();
}

template <class T> std::string our_bytes(value_format format, const T &value) {
  std::ostringstream out;
  encode_value(out, format, [&](value_writer &archive) { archive(value); });
  return out.str();
}

template <class T> T our_decode(value_format format, const std::string &bytes) {
  std::istringstream in(bytes);
  T value{};
  decode_value(in, format, bytes.size(), [&](value_reader &archive) { archive(value); });
  return value;
}

template <class Output, class Input> struct format_case {
  using output = Output;
  using input = Input;
  static constexpr value_format format() {
    if constexpr (std::is_same<Output, cereal::JSONOutputArchive>::value)
      return value_format::json;
    else if constexpr (std::is_same<Output, cereal::PortableBinaryOutputArchive>::value)
      return value_format::portable_binary;
    else
      return value_format::binary;
  }
};

template <class Case> class ValueArchive : public ::testing::Test {};
using formats =
    ::testing::Types<format_case<cereal::BinaryOutputArchive, cereal::BinaryInputArchive>,
                     format_case<cereal::PortableBinaryOutputArchive,
                                 cereal::PortableBinaryInputArchive>,
                     format_case<cereal::JSONOutputArchive, cereal::JSONInputArchive>>;
TYPED_TEST_SUITE(ValueArchive, formats);

TYPED_TEST(ValueArchive, WritesExactlyWhatCerealWrites) {
  const sample value = make_sample();
  EXPECT_EQ(our_bytes(TypeParam::format(), value),
            cereal_bytes<typename TypeParam::output>(value));
  EXPECT_EQ(our_bytes(TypeParam::format(), std::vector<double>{1, 2}),
            cereal_bytes<typename TypeParam::output>(std::vector<double>{1, 2}));
  EXPECT_EQ(our_bytes(TypeParam::format(), 3), cereal_bytes<typename TypeParam::output>(3));
}

template <class Archive, class T> T cereal_decode(const std::string &bytes) {
  std::istringstream in(bytes);
  T value{};
  {
    Archive archive(in);
    archive(value);
  }
  return value;
}

TYPED_TEST(ValueArchive, ReadsWhatCerealWroteAsCerealReadsIt) {
  const std::string bytes = cereal_bytes<typename TypeParam::output>(make_sample());
  EXPECT_EQ(our_decode<sample>(TypeParam::format(), bytes),
            (cereal_decode<typename TypeParam::input, sample>(bytes)));
  EXPECT_EQ(our_decode<sample>(TypeParam::format(), bytes), make_sample());
}

TYPED_TEST(ValueArchive, ReadsBackWhatItWrote) {
  const sample value = make_sample();
  EXPECT_EQ(our_decode<sample>(TypeParam::format(), our_bytes(TypeParam::format(), value)),
            value);
}

// Runs given to binary_data by hand: blocks of arrays through a pointer to the first,
// and structs, which cross as blocks of their size (base64 text each in JSON).
struct rgb {
  unsigned char r = 0, g = 0, b = 0;
};
struct by_hand {
  int blocks[3][2][2] = {};
  rgb pixels[2] = {};
  template <class Archive> void save(Archive &archive) const {
    archive(cereal::binary_data(&blocks[0], sizeof blocks),
            cereal::make_nvp("pixels", cereal::binary_data(pixels, sizeof pixels)));
  }
  template <class Archive> void load(Archive &archive) {
    archive(cereal::binary_data(&blocks[0], sizeof blocks),
            cereal::make_nvp("pixels", cereal::binary_data(pixels, sizeof pixels)));
  }
  bool operator==(const by_hand &other) const {
    return std::memcmp(blocks, other.blocks, sizeof blocks) == 0 &&
           std::memcmp(pixels, other.pixels, sizeof pixels) == 0;
  }
};

TYPED_TEST(ValueArchive, PassesRunsGivenByHandWhole) {
  by_hand value;
  value.blocks[2][1][1] = 5;
  value.pixels[1] = {1, 2, 3};
  // cereal's JSON has no binary_data; its portable binary cannot compile arrays in one
  if constexpr (TypeParam::format() == value_format::binary)
    EXPECT_EQ(our_bytes(TypeParam::format(), value),
              cereal_bytes<typename TypeParam::output>(value));
  EXPECT_EQ(our_decode<by_hand>(TypeParam::format(), our_bytes(TypeParam::format(), value)),
            value);
  by_hand other = value;
  other.blocks[2][1][1] = 6;
  EXPECT_NE(our_bytes(TypeParam::format(), value), our_bytes(TypeParam::format(), other));
}

// An empty run of structs crosses as (data() of an empty vector, 0): a null pointer
// that no copy may be given, even of no bytes (UBSan in the sanitizer build checks).
struct empty_run {
  std::vector<rgb> pixels;
  template <class Archive> void save(Archive &archive) const {
    archive(cereal::make_size_tag(static_cast<cereal::size_type>(pixels.size())),
            cereal::binary_data(pixels.data(), pixels.size() * sizeof(rgb)));
  }
  template <class Archive> void load(Archive &archive) {
    cereal::size_type count = 0;
    archive(cereal::make_size_tag(count));
    pixels.resize(static_cast<std::size_t>(count));
    archive(cereal::binary_data(pixels.data(), pixels.size() * sizeof(rgb)));
  }
};

TYPED_TEST(ValueArchive, AnEmptyRunGivenByHandCrossesAsNothing) {
  const empty_run value;
  EXPECT_TRUE(our_decode<empty_run>(TypeParam::format(), our_bytes(TypeParam::format(), value))
                  .pixels.empty());
}

// cereal's binary archives have no null; JSON writes it as a named value, no node.
struct with_null {
  int before = 1;
  template <class Archive> void save(Archive &archive) const { archive(before, nullptr); }
};

TEST(ValueArchiveJson, WritesNullAsCerealDoes) {
  EXPECT_EQ(our_bytes(value_format::json, with_null{}),
            cereal_bytes<cereal::JSONOutputArchive>(with_null{}));
}

// cereal's JSON archive reads only 64-bit size tags; the binary formats write the
// count's own width, and this archive's JSON reads any.
TYPED_TEST(ValueArchive, KeepsTheWidthOfASizeTag) {
  const counted32 value{{4, 5}};
  if constexpr (TypeParam::format() != value_format::json)
    EXPECT_EQ(our_bytes(TypeParam::format(), value),
              cereal_bytes<typename TypeParam::output>(value));
  EXPECT_EQ(our_decode<counted32>(TypeParam::format(), our_bytes(TypeParam::format(), value)),
            value);
}

// cereal has no std::filesystem::path; ours is its generic string, which the path
// reads back from.
TYPED_TEST(ValueArchive, WritesAPathAsItsGenericString) {
  const std::filesystem::path path = std::filesystem::path("data") / "a.txt";
  EXPECT_EQ(our_bytes(TypeParam::format(), path),
            cereal_bytes<typename TypeParam::output>(std::string("data/a.txt")));
  EXPECT_EQ(our_decode<std::filesystem::path>(TypeParam::format(),
                                              our_bytes(TypeParam::format(), path)),
            path);
}

TYPED_TEST(ValueArchive, AValueOfAnotherTypeFailsToDecode) {
  const std::string bytes = our_bytes(TypeParam::format(), std::string("short"));
  EXPECT_ANY_THROW(our_decode<sample>(TypeParam::format(), bytes));
}

// A damaged or forged entry whose size field claims 2^60 elements is a decoding
// failure (a miss), never an attempt to allocate that much.
template <class T> void expect_huge_size_refused(value_format format, const T &value) {
  std::string bytes = our_bytes(format, value);
  const std::uint64_t claimed = std::uint64_t(1) << 60;
  std::memcpy(bytes.data(), &claimed, sizeof claimed); // the outer size tag
  EXPECT_THROW(our_decode<T>(format, bytes), cereal::Exception);
}

TEST(ValueCodec, ASizeBeyondThePayloadIsRefusedBeforeAnyAllocation) {
  for (value_format format : {value_format::binary, value_format::portable_binary}) {
    expect_huge_size_refused(format, std::vector<std::string>{"a", "b"});
    expect_huge_size_refused(format, std::vector<char>{'a', 'b'});
    expect_huge_size_refused(format, std::string("abc"));
    expect_huge_size_refused(format, std::map<int, int>{{1, 2}});
  }
}

// A payload whose outer count is forged to the largest the old bound allowed (one
// element per byte of payload) fails having allocated, in all, a few times the payload
// (its copy, and containers growing as elements are decoded instead of being sized
// to the count first).
template <class T> void expect_forged_count_bounded(value_format format, const T &value) {
  std::string bytes = our_bytes(format, value);
  const std::size_t at = format == value_format::portable_binary ? 1 : 0; // its byte order
  const std::uint64_t claimed = bytes.size() - at - 8;
  std::memcpy(bytes.data() + at, &claimed, sizeof claimed);
  allocated = 0;
  EXPECT_THROW(our_decode<T>(format, bytes), cereal::Exception);
  EXPECT_LE(allocated, 8 * bytes.size()) << bytes.size() << " bytes"; // it was 500 times
}

// `count` distinct keys, each "key" and its number (and the number as a map's value).
template <class Container> Container numbered(int count) {
  Container out;
  for (int i = 0; i < count; ++i) {
    if constexpr (std::is_same<Container, std::unordered_set<std::string>>::value)
      out.insert("key" + std::to_string(i));
    else
      out.emplace("key" + std::to_string(i), i);
  }
  return out;
}

TEST(ValueCodec, AForgedCountAllocatesNoMoreThanAboutThePayload) {
  if (!counts_allocations)
    GTEST_SKIP() << "a sanitizer's operator new counts nothing here";
  for (value_format format : {value_format::binary, value_format::portable_binary}) {
    expect_forged_count_bounded(format, std::vector<std::array<double, 64>>(128));
    expect_forged_count_bounded(format, std::vector<std::vector<double>>(512, {1, 2, 3}));
    expect_forged_count_bounded(format, std::vector<double>(8192));
    expect_forged_count_bounded(format, std::deque<std::array<double, 64>>(128));
    expect_forged_count_bounded(format, std::list<std::array<double, 64>>(128));
    expect_forged_count_bounded(format, std::forward_list<std::array<double, 64>>(128));
    expect_forged_count_bounded(format, numbered<std::unordered_set<std::string>>(512));
    expect_forged_count_bounded(format, numbered<std::unordered_map<std::string, int>>(512));
  }
}

// A vector of numbers whose count claims more than its payload holds is read as far as
// the payload goes, then refused: never grown past it (doubling it there held the
// payload, the vector and a vector twice its size at once: 4 times the entry).
TEST(ValueCodec, AForgedCountOfNumbersNeverGrowsThemPastThePayload) {
  if (!counts_allocations)
    GTEST_SKIP() << "a sanitizer's operator new counts nothing here";
  for (value_format format : {value_format::binary, value_format::portable_binary}) {
    std::string bytes = our_bytes(format, std::vector<double>(8192));
    const std::size_t at = format == value_format::portable_binary ? 1 : 0;
    const std::uint64_t claimed = 4 * 8192;
    std::memcpy(bytes.data() + at, &claimed, sizeof claimed);
    allocated = 0;
    EXPECT_THROW(our_decode<std::vector<double>>(format, bytes), cereal::Exception);
    // The test's stream, the checked payload and the vector: once each (it was 5 times).
    EXPECT_LE(allocated, 3 * bytes.size() + 4096) << bytes.size() << " bytes";
  }
}

// Bytes no writer makes: a bool (or an optional's flag) stored as 2, a portable_binary
// byte-order flag other than 0 or 1. Each is a decoding failure, never a value (a bool
// holding 2 compares unequal to both true and false; a flag of 7 was read as "swap").
TEST(ValueCodec, BoolsAndByteOrderFlagsOtherThanZeroOrOneAreRefused) {
  for (value_format format : {value_format::binary, value_format::portable_binary}) {
    const std::size_t at = format == value_format::portable_binary ? 1 : 0;
    std::string flag = our_bytes(format, true);
    flag[at] = 2;
    EXPECT_THROW(our_decode<bool>(format, flag), cereal::Exception);
    std::string empty = our_bytes(format, std::optional<int>{});
    empty[at] = 2;
    EXPECT_THROW(our_decode<std::optional<int>>(format, empty), cereal::Exception);
    std::string flags = our_bytes(format, std::vector<bool>{true, false});
    flags.back() = 3;
    EXPECT_THROW(our_decode<std::vector<bool>>(format, flags), cereal::Exception);
  }
  std::string number = our_bytes(value_format::portable_binary, 258);
  number[0] = 7;
  EXPECT_THROW(our_decode<int>(value_format::portable_binary, number), cereal::Exception);
  number[0] = 1; // as written on this (little-endian) machine
  EXPECT_EQ(our_decode<int>(value_format::portable_binary, number), 258);
}

// The same in JSON: its counts are those of the parsed document, whose empty arrays
// take 3 bytes each and elements of 512 bytes when decoded.
TEST(ValueCodec, AJsonArrayOfEmptyArraysDoesNotAllocateItsCountOfElements) {
  if (!counts_allocations)
    GTEST_SKIP() << "a sanitizer's operator new counts nothing here";
  std::string members;
  for (int i = 0; i < 20000; ++i)
    members += i ? ",[]" : "[]";
  const std::string bytes = "{\"value0\": [" + members + "]}";
  using blocks = std::vector<std::array<double, 64>>;
  const std::size_t document = [&] { // RapidJSON's own, whatever the type
    allocated = 0;
    EXPECT_THROW(our_decode<std::string>(value_format::json, bytes), cereal::Exception);
    return allocated.load();
  }();
  allocated = 0;
  EXPECT_THROW(our_decode<blocks>(value_format::json, bytes), cereal::Exception);
  EXPECT_LE(allocated, document + 2 * bytes.size());
}

// A honest vector still decodes, in every format, including one larger than its
// payload in memory (small inner vectors) and numbers in JSON (shorter as text).
TYPED_TEST(ValueArchive, VectorsGrownAsDecodedHoldWhatWasWritten) {
  using nested = std::vector<std::vector<double>>;
  const nested empties(1000, std::vector<double>{});
  const std::vector<double> numbers(5000, 1);
  const value_format format = TypeParam::format();
  EXPECT_EQ(our_decode<nested>(format, our_bytes(format, empties)), empties);
  const std::deque<std::string> texts{"a", "bc"};
  const std::list<std::array<int, 2>> pairs{{1, 2}, {3, 4}};
  EXPECT_EQ(our_decode<std::deque<std::string>>(format, our_bytes(format, texts)), texts);
  EXPECT_EQ((our_decode<std::list<std::array<int, 2>>>(format, our_bytes(format, pairs))), pairs);
  EXPECT_EQ(our_decode<std::vector<double>>(format, our_bytes(format, numbers)), numbers);
}

// Equal keys read back in the order they were written (cereal's load put each before
// the one read last, reversing them), in the ordered and the unordered containers.
struct by_length {
  bool operator()(const std::string &a, const std::string &b) const { return a.size() < b.size(); }
};
template <class Container> auto in_order(const Container &c) {
  return std::vector<typename Container::value_type>(c.begin(), c.end());
}
template <class Container> auto ones(const Container &c) {
  auto [first, last] = c.equal_range(1);
  return std::vector<typename Container::value_type>(first, last);
}

TYPED_TEST(ValueArchive, EqualKeysKeepTheirOrder) {
  using pairs = std::multimap<int, std::string>;
  using words = std::multiset<std::string, by_length>;
  using hashed = std::unordered_multimap<int, std::string>;
  const value_format format = TypeParam::format();
  const pairs p{{1, "b"}, {0, "z"}, {1, "a"}, {1, "c"}};
  const words w{"bb", "aa", "c", "dd"};
  const hashed h{{1, "b"}, {2, "z"}, {1, "a"}, {1, "c"}};
  EXPECT_EQ(in_order(our_decode<pairs>(format, our_bytes(format, p))), in_order(p));
  EXPECT_EQ(in_order(our_decode<words>(format, our_bytes(format, w))), in_order(w));
  EXPECT_EQ(ones(our_decode<hashed>(format, our_bytes(format, h))), ones(h));
}

// A string holding a NUL byte reads back whole (cereal's JSON read stopped at the NUL),
// as a value and as a map's key.
TYPED_TEST(ValueArchive, AStringHoldingANulReadsBackWhole) {
  const value_format format = TypeParam::format();
  const std::string text("a\0b", 3);
  const std::map<std::string, std::string> keyed{{text, text}};
  EXPECT_EQ(our_decode<std::string>(format, our_bytes(format, text)), text);
  EXPECT_EQ((our_decode<std::map<std::string, std::string>>(format, our_bytes(format, keyed))), keyed);
}

// A string view inside a value writes as a std::string with its characters (it once
// converted to a file_args path: the file it named was read and hashed).
TYPED_TEST(ValueArchive, AStringViewInsideAValueWritesAsAString) {
  const value_format format = TypeParam::format();
  EXPECT_EQ(our_bytes(format, std::vector<std::string_view>{"ab", "c"}),
            our_bytes(format, std::vector<std::string>{"ab", "c"}));
}

std::string deep_json(std::size_t depth) {
  return "{\"value0\": " + std::string(depth, '[') + std::string(depth, ']') + "}";
}

// RapidJSON's default parser recurses once per '[': this overflowed the stack.
TEST(ValueCodec, DeeplyNestedJsonFailsToDecodeWithoutCrashing) {
  EXPECT_THROW(our_decode<std::vector<double>>(value_format::json, deep_json(400000)),
               cereal::Exception);
  EXPECT_THROW(our_decode<std::vector<double>>(value_format::json, std::string(400000, '[')),
               cereal::Exception);
}

// A recursive type recurses once per level as it decodes; a forged payload nesting a
// hundred thousand levels is refused at the depth limit.
struct tree {
  std::vector<tree> children;
  template <class Archive> void serialize(Archive &archive) { archive(children); }
};

TEST(ValueCodec, BinaryNestingBeyondTheDepthLimitIsRefused) {
  std::string bytes;
  const std::uint64_t one = 1;
  for (int level = 0; level < 100000; ++level)
    bytes.append(reinterpret_cast<const char *>(&one), sizeof one);
  bytes.append(8, '\0');
  EXPECT_THROW(our_decode<tree>(value_format::binary, bytes), cereal::Exception);
  tree shallow;
  shallow.children.resize(2);
  shallow.children[0].children.resize(1);
  EXPECT_EQ(our_decode<tree>(value_format::binary, our_bytes(value_format::binary, shallow))
                .children[0]
                .children.size(),
            1u);
}

// An entry written on a big-endian machine: byte order flag 0, then every number
// most significant byte first, as cereal's portable binary writes there.
template <class T> std::string big_endian_entry(const std::vector<T> &values) {
  std::string bytes(1, '\0');
  const auto append = [&](std::uint64_t value, std::size_t size) {
    for (std::size_t i = size; i-- > 0;)
      bytes.push_back(static_cast<char>(value >> (8 * i)));
  };
  append(values.size(), 8);
  for (T value : values)
    append(static_cast<std::uint64_t>(value), sizeof(T));
  return bytes;
}

TEST(ValueCodec, PortableBinaryReadsBigEndianNumbersOfEverySize) {
  const auto read = [](const auto &values) {
    using vector = std::decay_t<decltype(values)>;
    return our_decode<vector>(value_format::portable_binary, big_endian_entry(values));
  };
  EXPECT_EQ(read(std::vector<int>{1, 2, 3, 4}), (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(read(std::vector<int>{1, 2, 3}), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(read(std::vector<std::int16_t>{1, 2, 3}), (std::vector<std::int16_t>{1, 2, 3}));
  EXPECT_EQ(read(std::vector<std::uint64_t>{1, 2}), (std::vector<std::uint64_t>{1, 2}));
}

} // namespace
} // namespace cachepy::detail
