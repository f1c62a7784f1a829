#include <cachepy/detail/number_arrays.hpp>

#include <cereal/archives/binary.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace cachepy::detail {
namespace {

template <class T> std::string cereal_binary(const T &value) {
  std::ostringstream out;
  {
    cereal::BinaryOutputArchive archive(out);
    archive(value);
  }
  return out.str();
}

template <class T> std::vector<T> numbers(std::size_t n) {
  std::vector<T> values(n);
  for (std::size_t i = 0; i < n; ++i)
    values[i] = static_cast<T>(i * 7 % 1000) / static_cast<T>(3);
  return values;
}

template <class T> void expect_reads_what_cereal_writes(const std::vector<T> &values) {
  const std::string bytes = cereal_binary(values);
  std::istringstream in(bytes);
  std::vector<T> read;
  read_numbers(in, read, bytes.size());
  EXPECT_EQ(read, values);
}

TEST(NumberArrays, ReadsExactlyWhatCerealsBinaryArchiveWrites) {
  expect_reads_what_cereal_writes(numbers<double>(3 * 1024 * 1024)); // 24 MB: huge pages
  expect_reads_what_cereal_writes(numbers<float>(1001));
  expect_reads_what_cereal_writes(numbers<std::int16_t>(7));
  expect_reads_what_cereal_writes(std::vector<std::uint64_t>{});
}

TEST(NumberArrays, RefusesAPayloadThatIsNotOneArrayOfThatType) {
  const std::string text = cereal_binary(std::string("not numbers at all"));
  std::istringstream in(text);
  std::vector<double> read;
  EXPECT_THROW(read_numbers(in, read, text.size()), std::runtime_error);

  const std::string ints = cereal_binary(numbers<std::int32_t>(3)); // 8 + 12 bytes
  std::istringstream as_doubles(ints);
  EXPECT_THROW(read_numbers(as_doubles, read, ints.size()), std::runtime_error);
}

TEST(NumberArrays, CopyIsEqualToTheOriginal) {
  const std::vector<double> original = numbers<double>(3 * 1024 * 1024);
  std::vector<double> copy;
  copy_numbers(copy, original);
  EXPECT_EQ(copy, original);
}

} // namespace
} // namespace cachepy::detail
