#ifndef CACHEPY_STORE_ENTRY_STREAMS_HPP
#define CACHEPY_STORE_ENTRY_STREAMS_HPP

// An entry's payload as a stream straight over its file, checksummed as it passes:
// values are decoded from and encoded into the file with one copy each way and no
// payload-sized buffer. Large reads and writes bypass the stream's own buffer, and
// each chunk is hashed while it is still in the CPU's cache.

#include <cstdint>
#include <memory>
#include <streambuf>

#ifndef XXH_STATIC_LINKING_ONLY
#define XXH_STATIC_LINKING_ONLY
#endif
#include <xxhash.h>

namespace cachepy::detail {

// Reads at most `limit` bytes from fd's current offset. Read errors and reads past
// the limit end the stream (the decoder then fails). The payload's last bytes are
// handed over only if the checksum of the whole is `expected`: a decoder that reads
// all of it before decoding sees no byte that was not checked.
class checksumming_reader : public std::streambuf {
public:
  checksumming_reader(int fd, std::uint64_t limit, std::uint64_t expected);

  // Reads what the decoder left; whether the whole payload was read and its checksum
  // is the expected one.
  bool finish();

protected:
  int_type underflow() override;
  std::streamsize xsgetn(char *out, std::streamsize count) override;

private:
  std::size_t read_some(char *out, std::size_t count);
  // Where the payload ends, its checksum decides: a mismatch is a failed read.
  std::size_t checked(std::size_t count);

  int fd_;
  std::uint64_t remaining_;
  std::uint64_t expected_;
  bool failed_ = false;
  XXH3_state_t state_;
  std::unique_ptr<char[]> buffer_;
};

// Writes to fd from its current offset.
class checksumming_writer : public std::streambuf {
public:
  explicit checksumming_writer(int fd);

  // Writes what is buffered; false if any write failed.
  bool finish(std::uint64_t &size, std::uint64_t &checksum);
  // The errno of the write that failed (ENOSPC for a full disk); 0 while none has.
  int error() const { return error_; }

protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char *data, std::streamsize count) override;
  int sync() override;

private:
  bool write_through(const char *data, std::size_t count);
  bool flush_buffer();

  int fd_;
  std::uint64_t written_ = 0;
  bool failed_ = false;
  int error_ = 0;
  XXH3_state_t state_;
  std::unique_ptr<char[]> buffer_;
};

} // namespace cachepy::detail

#endif
