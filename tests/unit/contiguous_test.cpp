// Contiguous data (vectors and arrays of byte-copyable classes, valarrays, spans,
// dense matrices) crosses as one block where the format writes bytes, and as each
// member elsewhere; either way the bytes, and the key, are those of writing them one
// by one.

#include <cachepy/detail/copies_deeply.hpp>
#include <cachepy/detail/key.hpp>
#include <cachepy/detail/number_arrays.hpp>
#include <cachepy/detail/value_codec.hpp>
#include <cachepy/types.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <sstream>
#include <string>
#include <string_view>
#include <valarray>
#include <vector>
#if __cplusplus >= 202002L
#include <span>
#endif

namespace test_types {
// What the plugin finds byte-copyable, and the same members written one by one.
struct Point3 {
  double x = 0, y = 0, z = 0;
  bool operator==(const Point3 &o) const { return x == o.x && y == o.y && z == o.z; }
};
struct SlowPoint3 {
  double x = 0, y = 0, z = 0;
};
} // namespace test_types

// As the plugin writes them (plugin/StoredTypes.cpp).
template <> struct cachepy::detail::derived<test_types::Point3> {
  static constexpr bool available = true;
  static constexpr bool bytes = true;
  static constexpr bool constructs = false;
  template <class A> static void fields(A &ar, test_types::Point3 &v) {
    ar(::cereal::make_nvp("x", v.x), ::cereal::make_nvp("y", v.y), ::cereal::make_nvp("z", v.z));
  }
};
template <> struct cachepy::detail::derived<test_types::SlowPoint3> {
  static constexpr bool available = true;
  static constexpr bool bytes = false;
  static constexpr bool constructs = false;
  template <class A> static void fields(A &ar, test_types::SlowPoint3 &v) {
    ar(::cereal::make_nvp("x", v.x), ::cereal::make_nvp("y", v.y), ::cereal::make_nvp("z", v.z));
  }
};

namespace cachepy::detail {
namespace {

using test_types::Point3;
using test_types::SlowPoint3;

// A dense matrix as Eigen's Matrix presents itself (detail/dense_matrix.hpp), column-major.
template <int Rows, int Cols> struct fake_matrix {
  using Scalar = double;
  using PlainObject = fake_matrix;
  enum { RowsAtCompileTime = Rows, ColsAtCompileTime = Cols };
  std::vector<double> values;
  long r = 0, c = 0;
  long rows() const { return r; }
  long cols() const { return c; }
  long size() const { return r * c; }
  const double *data() const { return values.data(); }
  double *data() { return values.data(); }
  void resize(long rows, long cols) {
    r = rows, c = cols;
    values.resize(static_cast<std::size_t>(rows * cols));
  }
};
using dynamic_matrix = fake_matrix<-1, -1>;

std::vector<Point3> points(std::size_t n) {
  std::vector<Point3> out(n);
  for (std::size_t i = 0; i < n; ++i)
    out[i] = {i * 1.0, i * 0.5, -1.0 * i};
  return out;
}
std::vector<SlowPoint3> slow(const std::vector<Point3> &in) {
  std::vector<SlowPoint3> out;
  for (const Point3 &p : in)
    out.push_back({p.x, p.y, p.z});
  return out;
}

// Counts the primitive calls a value makes, as the key's sink would receive them.
class counting_sink final : public value_sink {
public:
  explicit counting_sink(bool bytes) : bytes_(bytes) {}
  bool takes_bytes() const override { return bytes_; }
  void begin_node() override {}
  void end_node() override {}
  void name_next(const char *) override {}
  void size(number_kind, const void *) override {}
  void numbers(number_kind, const void *, std::size_t) override { ++runs; }
  void text(const char *, std::size_t) override {}
  void null() override {}
  int runs = 0;

private:
  bool bytes_;
};

template <class T> int runs_of(const T &value, bool bytes) {
  counting_sink sink(bytes);
  value_writer writer(sink);
  writer(value);
  return sink.runs;
}

template <class T> key key_of(const T &value) {
  return hash_of([&](value_writer &archive) { archive(hashable(value)); });
}

template <class T> std::string encoded(value_format format, const T &value) {
  std::ostringstream out;
  encode_value(out, format, [&](value_writer &archive) { archive(value); });
  return out.str();
}
template <class T> T decoded(value_format format, const std::string &bytes) {
  std::istringstream in(bytes);
  T value{};
  decode_value(in, format, bytes.size(), [&](value_reader &archive) { archive(value); });
  return value;
}

constexpr value_format formats[] = {value_format::binary, value_format::portable_binary,
                                    value_format::json};

TEST(Contiguous, ByteCopyableVectorsAndArraysGoAsOneRunWhereTheFormatTakesBytes) {
  const std::vector<Point3> values = points(1000);
  EXPECT_EQ(runs_of(values, true), 1);
  EXPECT_EQ(runs_of(values, false), 3 * 1000);
  const std::array<Point3, 4> array{};
  EXPECT_EQ(runs_of(array, true), 1);
  EXPECT_EQ(runs_of(array, false), 12);
}

TEST(Contiguous, ByteCopyableVectorsKeyAndStoreAsMemberByMember) {
  const std::vector<Point3> values = points(100);
  EXPECT_EQ(key_of(values), key_of(slow(values)));
  for (value_format format : formats) {
    const std::string bytes = encoded(format, values);
    EXPECT_EQ(bytes, encoded(format, slow(values))) << static_cast<int>(format);
    EXPECT_EQ(decoded<std::vector<Point3>>(format, bytes), values) << static_cast<int>(format);
    const std::array<Point3, 2> array{values[1], values[2]};
    EXPECT_EQ((decoded<std::array<Point3, 2>>(format, encoded(format, array))), array);
  }
}

// Byte order flag 0, then the count and every double most significant byte first.
std::string big_endian_points(const std::vector<Point3> &values) {
  std::string bytes(1, '\0');
  const auto append = [&](std::uint64_t value) {
    for (int i = 8; i-- > 0;)
      bytes.push_back(static_cast<char>(value >> (8 * i)));
  };
  append(values.size());
  for (const Point3 &p : values)
    for (double d : {p.x, p.y, p.z}) {
      std::uint64_t word;
      std::memcpy(&word, &d, sizeof word);
      append(word);
    }
  return bytes;
}

TEST(Contiguous, PortableBinaryOfTheOtherByteOrderSwapsEachMember) {
  const std::vector<Point3> values = points(5);
  EXPECT_EQ(decoded<std::vector<Point3>>(value_format::portable_binary, big_endian_points(values)),
            values);
}

TEST(Contiguous, ValarraysAreWrittenAsVectors) {
  const std::valarray<double> values{1.5, 2.5, 3.5};
  EXPECT_EQ(key_of(values), key_of(std::vector<double>{1.5, 2.5, 3.5}));
  for (value_format format : formats) {
    const std::string bytes = encoded(format, values);
    EXPECT_EQ(bytes, encoded(format, std::vector<double>{1.5, 2.5, 3.5}));
    const std::valarray<double> read = decoded<std::valarray<double>>(format, bytes);
    ASSERT_EQ(read.size(), 3u);
    EXPECT_EQ(read[2], 3.5);
    const std::string empty = encoded(format, std::valarray<int>{});
    EXPECT_EQ(decoded<std::valarray<int>>(format, empty).size(), 0u);
  }
}

// What std::span presents (this test is C++17); the real one in tests/lit/types-span.cpp.
template <class T> struct fake_span {
  using element_type = T;
  static constexpr std::size_t extent = static_cast<std::size_t>(-1);
  T *first;
  std::size_t count;
  T *data() const { return first; }
  std::size_t size() const { return count; }
};

TEST(Contiguous, SpanLikeViewsKeyAsTheVectorsTheyView) {
  const std::vector<double> values{1, 2, 3};
  EXPECT_EQ(key_of(fake_span<const double>{values.data(), 3}), key_of(values));
  EXPECT_NE(key_of(fake_span<const double>{values.data(), 2}), key_of(values));
  const std::vector<Point3> p = points(10);
  EXPECT_EQ(key_of(fake_span<const Point3>{p.data(), p.size()}), key_of(p));
}

#if __cplusplus >= 202002L
TEST(Contiguous, SpansKeyAsTheVectorsTheyView) {
  const std::vector<double> values{1, 2, 3};
  EXPECT_EQ(key_of(std::span<const double>(values)), key_of(values));
  const std::vector<Point3> p = points(10);
  EXPECT_EQ(key_of(std::span<const Point3>(p)), key_of(p));
}
#endif

TEST(Contiguous, StringViewsKeyAsStrings) {
  EXPECT_EQ(key_of(std::string_view("bob")), key_of(std::string("bob")));
}

TEST(Contiguous, DenseMatricesRoundTripInEveryFormat) {
  dynamic_matrix m;
  m.resize(2, 3);
  for (long i = 0; i < m.size(); ++i)
    m.values[static_cast<std::size_t>(i)] = i + 0.25;
  for (value_format format : formats) {
    const dynamic_matrix read = decoded<dynamic_matrix>(format, encoded(format, m));
    EXPECT_EQ(read.rows(), 2);
    EXPECT_EQ(read.cols(), 3);
    EXPECT_EQ(read.values, m.values);
  }
  EXPECT_NE(encoded(value_format::json, m).find("\"rows\": 2"), std::string::npos);
}

TEST(Contiguous, AMatrixOfAnotherShapeOrLargerThanItsPayloadIsRefused) {
  dynamic_matrix m;
  m.resize(2, 3);
  for (value_format format : formats)
    EXPECT_THROW((decoded<fake_matrix<3, 3>>(format, encoded(format, m))), std::runtime_error);
  // rows and cols claim far more than the payload holds
  std::string bytes = encoded(value_format::binary, m);
  const std::int64_t huge = std::int64_t{1} << 40;
  std::memcpy(bytes.data(), &huge, sizeof huge);
  EXPECT_THROW(decoded<dynamic_matrix>(value_format::binary, bytes), std::runtime_error);
}

TEST(Contiguous, ReadArrayReadsABinaryMatrixStraight) {
  dynamic_matrix m;
  m.resize(4, 2);
  m.values = {1, 2, 3, 4, 5, 6, 7, 8};
  const std::string bytes = encoded(value_format::binary, m);
  std::istringstream in(bytes);
  dynamic_matrix read;
  read_array(in, read, bytes.size());
  EXPECT_EQ(read.values, m.values);
  EXPECT_EQ(read.rows(), 4);
  std::istringstream shorter(bytes.substr(0, bytes.size() - 8));
  EXPECT_THROW(read_array(shorter, read, bytes.size() - 8), std::runtime_error);
}

// The memory layer keeps them, as it keeps vectors of numbers.
static_assert(copies_deeply<std::vector<Point3>>::value);
static_assert(copies_deeply<std::valarray<double>>::value);
static_assert(copies_deeply<dynamic_matrix>::value);
static_assert(!copies_deeply<std::vector<SlowPoint3>>::value);

TEST(Contiguous, ReadArrayReadsAVectorOfByteCopyableClassesStraight) {
  const std::vector<Point3> values = points(50);
  const std::string bytes = encoded(value_format::binary, values);
  std::istringstream in(bytes);
  std::vector<Point3> read;
  read_array(in, read, bytes.size());
  EXPECT_EQ(read, values);
  EXPECT_EQ(copy_of(values), values);
}

} // namespace
} // namespace cachepy::detail
