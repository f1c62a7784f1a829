#include <cachepy/detail/call.hpp>
#include <cachepy/detail/number_arrays.hpp>

#include "memory/huge_pages.hpp"

#include <cereal/archives/binary.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <utility>

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

// Element counts around the sizes where the copy changes how it works: below two huge
// pages (no advice), whole huge pages, a remainder after them, and around where two
// threads share the work.
constexpr std::size_t two_threads_doubles = two_threads_bytes / sizeof(double);
const std::size_t edge_counts[] = {0,
                                   1,
                                   511,
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

// Which parts of [0, bytes) in_halves gave its work, and on which threads.
struct parts_seen {
  std::mutex mutex;
  std::vector<std::pair<std::size_t, std::size_t>> parts;
  std::vector<std::thread::id> threads;

  void operator()(std::size_t begin, std::size_t end) {
    std::lock_guard<std::mutex> lock(mutex);
    parts.emplace_back(begin, end);
    threads.push_back(std::this_thread::get_id());
  }
  // The parts, sorted, cover [0, bytes) once.
  bool cover(std::size_t bytes) {
    std::sort(parts.begin(), parts.end());
    std::size_t next = 0;
    for (const auto &[begin, end] : parts) {
      if (begin != next || end < begin)
        return false;
      next = end;
    }
    return next == bytes;
  }
};

TEST(InHalves, SmallRangesAreOnePartOnTheCaller) {
  const char memory[16] = {};
  parts_seen seen;
  in_halves(memory, two_threads_bytes - 1, std::ref(seen));
  ASSERT_EQ(seen.parts.size(), 1u);
  EXPECT_TRUE(seen.cover(two_threads_bytes - 1));
  EXPECT_EQ(seen.threads[0], std::this_thread::get_id());
}

TEST(InHalves, LargeRangesAreSplitAtAHugePageOnTwoThreads) {
  const std::vector<char> memory(3 * two_threads_bytes);
  for (std::size_t offset : {std::size_t{0}, std::size_t{16}, huge_page_bytes - 1}) {
    const char *to = memory.data() + offset;
    const std::size_t bytes = 2 * two_threads_bytes + 4093;
    parts_seen seen;
    in_halves(to, bytes, std::ref(seen));
    ASSERT_EQ(seen.parts.size(), 2u);
    EXPECT_NE(seen.threads[0], seen.threads[1]);
    ASSERT_TRUE(seen.cover(bytes));
    const std::size_t split = seen.parts[0].second;
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(to + split) % huge_page_bytes, 0u);
    EXPECT_LE(split, bytes / 2 + huge_page_bytes);
    EXPECT_GE(split, bytes / 2);
  }
}

TEST(InHalves, AThreadThatCannotStartLeavesBothPartsToTheCaller) {
  const std::vector<char> memory(two_threads_bytes);
  parts_seen seen;
  const auto refuse = [](auto &&) -> std::thread {
    throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again));
  };
  in_halves(memory.data(), memory.size(), std::ref(seen), refuse);
  ASSERT_EQ(seen.parts.size(), 2u);
  EXPECT_TRUE(seen.cover(memory.size()));
  EXPECT_EQ(seen.threads[0], std::this_thread::get_id());
  EXPECT_EQ(seen.threads[1], std::this_thread::get_id());
}

// The parts are contiguous from begin to end, each within one huge page of the
// addresses, and each but the last ends where one begins.
TEST(FillPageByPage, PartsEndWhereTheAddressesCrossAHugePage) {
  std::vector<char> memory(4 * huge_page_bytes);
  for (std::size_t offset : {std::size_t{0}, std::size_t{16}, huge_page_bytes - 1}) {
    char *to = memory.data() + offset;
    const std::size_t begin = 4093, end = 2 * huge_page_bytes + 5;
    parts_seen seen;
    fill_page_by_page(to, begin, end, std::ref(seen));
    ASSERT_FALSE(seen.parts.empty());
    std::size_t next = begin;
    for (const auto &[from, to_end] : seen.parts) {
      EXPECT_EQ(from, next);
      ASSERT_LT(from, to_end);
      const auto first = reinterpret_cast<std::uintptr_t>(to + from);
      const auto last = reinterpret_cast<std::uintptr_t>(to + to_end - 1);
      EXPECT_EQ(first / huge_page_bytes, last / huge_page_bytes) << offset;
      if (to_end != end)
        EXPECT_EQ((last + 1) % huge_page_bytes, 0u) << offset;
      next = to_end;
    }
    EXPECT_EQ(next, end);
  }
}

// A value read a chunk at a time into a string's reserved memory, its chunks not aligned
// to huge pages and some across one, holds exactly its bytes, where they were written.
TEST(TakeReserved, AStringFilledChunkByChunkHoldsExactlyItsBytes) {
  const std::size_t total = 3 * huge_page_bytes + 12345, chunk = huge_page_bytes / 3 + 7;
  std::string expected(total, '\0');
  for (std::size_t i = 0; i < total; ++i)
    expected[i] = static_cast<char>(i * 131 % 251);
  std::string value;
  value.reserve(total);
  advise_huge_pages(value.data(), total);
  const char *reserved = value.data();
  for (std::size_t at = 0; at < total; at += chunk)
    copy_page_by_page(value.data() + at, expected.data() + at, std::min(chunk, total - at));
  take_reserved(value, total);
  EXPECT_EQ(static_cast<const void *>(value.data()), static_cast<const void *>(reserved));
  EXPECT_TRUE(value == expected);
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
// all at once, before the copy, rather than a page fault at a time during it.
TEST(NumberArrays, FreshArrayMemoryIsResidentBeforeItIsWritten) {
  std::vector<double> out;
  out.reserve(3 * 1024 * 1024);
  advise_huge_pages(out.data(), out.capacity() * sizeof(double));
  fault_in(out.data(), out.capacity() * sizeof(double));
  const double *middle = out.data() + out.capacity() / 2;
  EXPECT_GT(mapping_kilobytes(middle, "Size:"), 0);
  EXPECT_EQ(mapping_kilobytes(middle, "Rss:"), mapping_kilobytes(middle, "Size:"));
}

// Taking a string's reserved bytes neither zeroes nor faults them in (resize() does
// both, a pass over all of them before the first is written). 64 MB: above glibc's
// largest threshold for memory of its own mapping.
TEST(TakeReserved, LeavesTheStringsReservedMemoryUntouched) {
  const std::size_t bytes = 32 * huge_page_bytes;
  std::string value;
  value.reserve(bytes);
  const char *middle = value.data() + bytes / 2;
  const long before = mapping_kilobytes(middle, "Rss:");
  take_reserved(value, bytes);
  EXPECT_EQ(value.size(), bytes);
  EXPECT_LT(mapping_kilobytes(middle, "Rss:") - before, 1024);
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

} // namespace
} // namespace cachepy::detail
