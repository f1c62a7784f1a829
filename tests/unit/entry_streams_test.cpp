#include "storage/local/entry_streams.hpp"
#include "util/fresh_pages.hpp"

#include "scratch_dir.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace cachepy::detail {
namespace {

std::string pattern(std::size_t size) {
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; ++i)
    bytes[i] = static_cast<char>(i * 131 + i / 4096);
  return bytes;
}

class EntryStreams : public ::testing::Test {
protected:
  // A file holding a few header bytes, then `bytes`; the returned descriptor is at the
  // payload, as the store leaves it after reading an entry's header.
  int open_payload(const std::string &bytes, std::size_t header = 5) {
    const std::string file = dir_.path() + "/entry";
    std::filesystem::create_directories(dir_.path());
    std::ofstream(file, std::ios::binary) << std::string(header, 'h') << bytes;
    fd_ = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    ::lseek(fd_, static_cast<off_t>(header), SEEK_SET);
    return fd_;
  }
  ~EntryStreams() override {
    if (fd_ >= 0)
      ::close(fd_);
  }

private:
  testing::scratch_dir dir_{"entry-streams"};
  int fd_ = -1;
};

// Sizes of several megabytes (an array's), odd ones whose ends fall inside pages.
const std::size_t read_sizes[] = {two_threads_bytes - 1, two_threads_bytes,
                                  two_threads_bytes + 1, 3 * two_threads_bytes + 4093};

// As read_array reads: a small piece through the buffer, then the rest in one read
// straight into the destination, then what follows, and the checksum of all of it.
TEST_F(EntryStreams, ALargeReadHoldsTheFileAndItsChecksumIsOfTheWholePayload) {
  for (std::size_t size : read_sizes) {
    const std::string bytes = pattern(size);
    checksumming_reader reader(open_payload(bytes), size, XXH3_64bits(bytes.data(), size));
    std::istream in(&reader);
    std::string head(8, '\0');
    ASSERT_TRUE(in.read(head.data(), 8));
    std::vector<char> body(size - 8 - 3);
    ASSERT_TRUE(in.read(body.data(), static_cast<std::streamsize>(body.size()))) << size;
    std::string tail(3, '\0');
    ASSERT_TRUE(in.read(tail.data(), 3));
    ASSERT_TRUE(reader.finish());
    EXPECT_EQ(head + std::string(body.begin(), body.end()) + tail, bytes) << size;
  }
}

// The rest of the payload, not read by the decoder, still counts in the checksum.
TEST_F(EntryStreams, ALargeReadStopsAtTheLimitAndFinishReadsTheRest) {
  const std::string bytes = pattern(2 * two_threads_bytes + 11);
  checksumming_reader reader(open_payload(bytes + "after the payload"), bytes.size(),
                             XXH3_64bits(bytes.data(), bytes.size()));
  std::istream in(&reader);
  std::vector<char> body(two_threads_bytes + 1);
  ASSERT_TRUE(in.read(body.data(), static_cast<std::streamsize>(body.size())));
  ASSERT_TRUE(reader.finish());
  EXPECT_EQ(std::string(body.begin(), body.end()), bytes.substr(0, body.size()));
}

// A decoder that reads the payload whole before decoding never gets damaged bytes:
// the read that would complete the payload fails, small or large.
TEST_F(EntryStreams, APayloadWhoseChecksumDiffersIsNeverReadToItsEnd) {
  for (std::size_t size : {std::size_t{5}, read_sizes[3]}) {
    const std::string bytes = pattern(size);
    checksumming_reader reader(open_payload(bytes), size, XXH3_64bits(bytes.data(), size) + 1);
    std::istream in(&reader);
    std::vector<char> body(size);
    EXPECT_FALSE(in.read(body.data(), static_cast<std::streamsize>(size))) << size;
    EXPECT_FALSE(reader.finish()) << size;
  }
}

TEST_F(EntryStreams, AFileShorterThanItsPayloadFailsTheReadAndTheFinish) {
  const std::string bytes = pattern(2 * two_threads_bytes);
  checksumming_reader reader(open_payload(bytes.substr(0, bytes.size() - 4097)), bytes.size(),
                             XXH3_64bits(bytes.data(), bytes.size()));
  std::istream in(&reader);
  std::vector<char> body(bytes.size());
  EXPECT_FALSE(in.read(body.data(), static_cast<std::streamsize>(body.size())));
  EXPECT_FALSE(reader.finish());
}

// An empty vector's bytes arrive as (nullptr, 0): nothing is written, nothing copied
// (memcpy from null is undefined even for no bytes; UBSan in the sanitizer build says so).
TEST_F(EntryStreams, AnEmptyRunFromANullPointerWritesNothing) {
  const int fd = open_payload("", 0);
  const std::string file = std::string("/proc/self/fd/") + std::to_string(fd);
  const int out = ::open(file.c_str(), O_WRONLY | O_CLOEXEC);
  ASSERT_GE(out, 0);
  checksumming_writer writer(out);
  std::ostream stream(&writer);
  EXPECT_TRUE(stream.write(nullptr, 0));
  EXPECT_TRUE(stream.write("ab", 2));
  std::uint64_t size = 0, checksum = 0;
  EXPECT_TRUE(writer.finish(size, checksum));
  EXPECT_EQ(size, 2u);
  EXPECT_EQ(checksum, XXH3_64bits("ab", 2));
  ::close(out);
}

} // namespace
} // namespace cachepy::detail
