#include <cachepy/detail/call.hpp>
#include <cachepy/detail/number_arrays.hpp>

#include "util/fresh_pages.hpp"
#include "scratch_dir.hpp"
#include "test_site.hpp"

#include <cereal/archives/binary.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <gtest/gtest.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/asan_interface.h>
#endif
#endif

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>
#include <thread>

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
  read_array(in, read, bytes.size());
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
  EXPECT_THROW(read_array(in, read, text.size()), std::runtime_error);

  const std::string ints = cereal_binary(numbers<std::int32_t>(3)); // 8 + 12 bytes
  std::istringstream as_doubles(ints);
  EXPECT_THROW(read_array(as_doubles, read, ints.size()), std::runtime_error);
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
// The sanitizer build checks that arrays are filled through their vectors only (see
// tests/CMakeLists.txt): the spare capacity the tests above and below fill is marked.
TEST(NumberArrays, SanitizerBuildsMarkAVectorsSpareCapacity) {
  std::vector<double> reserved;
  reserved.reserve(16);
  EXPECT_TRUE(__asan_address_is_poisoned(reserved.data()));
}
#endif
#endif

// Element counts around the sizes where the copy changes how it works: below two huge
// pages (no advice), around the end of the first piece (append_to_fresh), whole huge
// pages, a remainder after them, and around where the helper thread joins.
constexpr std::size_t two_threads_doubles = two_threads_bytes / sizeof(double);
constexpr std::size_t piece_doubles = piece_bytes<double>() / sizeof(double);
const std::size_t edge_counts[] = {0,
                                   1,
                                   511,
                                   piece_doubles - 1,
                                   piece_doubles,
                                   piece_doubles + 1,
                                   512 * 1024 - 1,
                                   512 * 1024,
                                   512 * 1024 + 1,
                                   3 * 262144 + 7,
                                   two_threads_doubles - 1,
                                   two_threads_doubles,
                                   two_threads_doubles + 1,
                                   3 * two_threads_doubles + 5};

TEST(NumberArrays, CopyIsEqualToTheOriginal) {
  for (std::size_t count : edge_counts) {
    const std::vector<double> original = numbers<double>(count);
    std::vector<double> copy;
    copy_numbers(copy, original);
    EXPECT_EQ(copy, original) << count;
  }
  for (std::size_t count : {std::size_t{3 * 1024 * 1024 + 1}, two_threads_bytes / 2 + 1,
                            two_threads_bytes + 3}) {
    const std::vector<std::int16_t> shorts = numbers<std::int16_t>(count); // odd byte counts
    std::vector<std::int16_t> copy;
    copy_numbers(copy, shorts);
    EXPECT_EQ(copy, shorts) << count;
  }
}

TEST(NumberArrays, AnArrayCutShortIsUnreadable) {
  for (std::size_t count : {std::size_t{1000}, two_threads_doubles + 1}) {
    std::string bytes = cereal_binary(numbers<double>(count));
    const std::uint64_t payload_size = bytes.size();
    bytes.resize(bytes.size() - 3);
    std::istringstream in(bytes);
    std::vector<double> read;
    EXPECT_THROW(read_array(in, read, payload_size), std::runtime_error) << count;
  }
}

// Without the helper thread (it cannot start), the writer faults every page in itself,
// and the array is the same.
TEST(FreshPages, AThreadThatCannotStartLeavesThePagesToTheWriter) {
  const std::vector<double> original = numbers<double>(3 * two_threads_doubles + 5);
  const std::size_t bytes = original.size() * sizeof(double);
  std::vector<double> copy;
  copy.reserve(original.size());
  const auto refuse = [](auto &&) -> std::thread {
    throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again));
  };
  fresh_pages pages(copy.data(), bytes, refuse);
  EXPECT_FALSE(pages.helped());
  for (std::size_t at = 0; at < original.size(); at += 100'000) {
    const std::size_t end = std::min(original.size(), at + 100'000);
    pages.before_writing(at * sizeof(double), end * sizeof(double));
    copy.insert(copy.end(), original.begin() + at, original.begin() + end);
  }
  EXPECT_EQ(copy, original);
}

TEST(FreshPages, LargeMemoryIsHelpedSmallIsNot) {
  std::vector<char> memory(two_threads_bytes);
  EXPECT_TRUE(fresh_pages(memory.data(), two_threads_bytes).helped());
  EXPECT_FALSE(fresh_pages(memory.data(), two_threads_bytes - 1).helped());
}

TEST(NumberArrays, ReadOfEverySizeIsEqualToWhatWasWritten) {
  for (std::size_t count : edge_counts)
    expect_reads_what_cereal_writes(numbers<double>(count));
}

// The line that begins with field ("VmFlags:", "Rss:") of the mapping that holds
// address, from /proc/self/smaps.
std::string mapping_field(const void *address, const std::string &field) {
  const auto at = reinterpret_cast<std::uintptr_t>(address);
  std::ifstream smaps("/proc/self/smaps");
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    std::uintptr_t begin = 0, end = 0;
    char dash = 0;
    std::istringstream range(line);
    if (range >> std::hex >> begin >> dash >> end && dash == '-')
      inside = begin <= at && at < end;
    else if (inside && line.rfind(field, 0) == 0)
      return line;
  }
  return "";
}

std::string mapping_flags(const void *address) { return mapping_field(address, "VmFlags:"); }

long mapping_kilobytes(const void *address, const std::string &field) {
  std::istringstream line(mapping_field(address, field).substr(field.size()));
  long kilobytes = -1;
  line >> kilobytes;
  return kilobytes;
}

// The first touch of fresh memory is most of what filling it costs; it is faulted in
// by the kernel before it is written, rather than a page fault at a time during the
// copy: the first half as the writer asks, the second by fresh_pages' helper meanwhile.
TEST(FreshPages, FreshMemoryIsResidentBeforeItIsWritten) {
  std::vector<double> out;
  out.reserve(3 * 1024 * 1024);
  const std::size_t bytes = out.capacity() * sizeof(double);
  {
    fresh_pages pages(out.data(), bytes);
    pages.before_writing(0, bytes / 2);
  }
  const double *middle = out.data() + out.capacity() / 2;
  EXPECT_GT(mapping_kilobytes(middle, "Size:"), 0);
  EXPECT_EQ(mapping_kilobytes(middle, "Rss:"), mapping_kilobytes(middle, "Size:"));
}

// A repeated hit from memory copies the kept value: both the kept copy and the copy
// handed out are in memory the kernel may back with huge pages, as a hit from disk is.
TEST(NumberArrays, KeptAndRestoredArraysAreInHugePageMemory) {
  auto body = [] { return numbers<double>(5 * 1024 * 1024); };
  using call_type = typed_call<std::vector<double>, decltype(body)>;
  call_type ran{body, std::nullopt};
  call_type::run_body(&ran);
  const std::shared_ptr<const void> kept(call_type::keep(&ran), call_type::forget);
  const auto &kept_array = *static_cast<const std::vector<double> *>(kept.get());
  call_type restored{body, std::nullopt};
  call_type::restore(&restored, kept.get());

  ASSERT_EQ(kept_array, *ran.slot);
  ASSERT_EQ(*restored.slot, *ran.slot);
  const std::vector<double> &handed_out = *restored.slot;
  EXPECT_NE(mapping_flags(&kept_array[kept_array.size() / 2]).find(" hg"), std::string::npos);
  EXPECT_NE(mapping_flags(&handed_out[handed_out.size() / 2]).find(" hg"), std::string::npos);
}

// A miss hands out its large array as a hit does, a copy of the kept one in huge-page
// memory: what the caller frees is then what the next hit gets back (call_engine.cpp).
TEST(NumberArrays, AMissHandsOutItsArrayInHugePageMemory) {
  const cachepy::testing::scratch_dir scratch("number-arrays-miss");
  const function_site site =
      cachepy::testing::test_site("number_arrays_test::big", "_Z3bigv", {1, 1});
  auto body = [] { return numbers<double>(5 * 1024 * 1024); };
  using call_type = typed_call<std::vector<double>, decltype(body)>;
  call_type call{body, std::nullopt};
  run_cached_call(site, scratch.path(), key{}, key{8, 8}, format_choice::binary, call_type::ops,
                  &call);
  const std::vector<double> &handed_out = *call.slot;
  ASSERT_EQ(handed_out, body());
  EXPECT_NE(mapping_flags(&handed_out[handed_out.size() / 2]).find(" hg"), std::string::npos);
}

} // namespace
} // namespace cachepy::detail
