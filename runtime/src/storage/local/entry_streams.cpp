#include "entry_streams.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace cachepy::detail {
namespace {

constexpr std::size_t buffer_size = 64 * 1024;
// Direct transfers go in chunks this size, so that each one is hashed while it is
// still in the CPU's cache.
constexpr std::size_t chunk_size = 1024 * 1024;

} // namespace

checksumming_reader::checksumming_reader(int fd, std::uint64_t limit, std::uint64_t expected)
    : fd_(fd), remaining_(limit), expected_(expected), buffer_(new char[buffer_size]) {
  XXH3_64bits_reset(&state_);
  checked(0);
}

std::size_t checksumming_reader::checked(std::size_t count) {
  if (remaining_ == 0 && XXH3_64bits_digest(&state_) != expected_)
    failed_ = true;
  return failed_ ? 0 : count;
}

std::size_t checksumming_reader::read_some(char *out, std::size_t count) {
  count = static_cast<std::size_t>(std::min<std::uint64_t>(count, remaining_));
  while (count > 0 && !failed_) {
    const ssize_t n = ::read(fd_, out, count);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      failed_ = true; // an error, or the file is shorter than its header says
      break;
    }
    XXH3_64bits_update(&state_, out, static_cast<std::size_t>(n));
    remaining_ -= static_cast<std::uint64_t>(n);
    return checked(static_cast<std::size_t>(n));
  }
  return 0;
}

checksumming_reader::int_type checksumming_reader::underflow() {
  if (gptr() < egptr())
    return traits_type::to_int_type(*gptr());
  const std::size_t n = read_some(buffer_.get(), buffer_size);
  setg(buffer_.get(), buffer_.get(), buffer_.get() + n);
  return n == 0 ? traits_type::eof() : traits_type::to_int_type(*gptr());
}

std::streamsize checksumming_reader::xsgetn(char *out, std::streamsize count) {
  std::size_t wanted = static_cast<std::size_t>(count);
  std::size_t done = std::min<std::size_t>(wanted, static_cast<std::size_t>(egptr() - gptr()));
  if (done > 0) {
    std::memcpy(out, gptr(), done);
    gbump(static_cast<int>(done));
  }
  while (done < wanted) {
    if (wanted - done < buffer_size) { // small: through the buffer
      if (traits_type::eq_int_type(underflow(), traits_type::eof()))
        break;
      const std::size_t n =
          std::min<std::size_t>(wanted - done, static_cast<std::size_t>(egptr() - gptr()));
      std::memcpy(out + done, gptr(), n);
      gbump(static_cast<int>(n));
      done += n;
    } else { // large: straight into the destination
      const std::size_t n = read_some(out + done, std::min(wanted - done, chunk_size));
      if (n == 0)
        break;
      done += n;
    }
  }
  return static_cast<std::streamsize>(done);
}

bool checksumming_reader::finish() {
  setg(nullptr, nullptr, nullptr);
  while (remaining_ > 0 && !failed_)
    read_some(buffer_.get(), buffer_size);
  return !failed_;
}

checksumming_writer::checksumming_writer(int fd) : fd_(fd), buffer_(new char[buffer_size]) {
  XXH3_64bits_reset(&state_);
  setp(buffer_.get(), buffer_.get() + buffer_size);
}

bool checksumming_writer::write_through(const char *data, std::size_t count) {
  XXH3_64bits_update(&state_, data, count);
  written_ += count;
  while (count > 0 && !failed_) {
    const ssize_t n = ::write(fd_, data, count);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      failed_ = true;
      error_ = n < 0 ? errno : ENOSPC;
    } else {
      data += n;
      count -= static_cast<std::size_t>(n);
    }
  }
  return !failed_;
}

bool checksumming_writer::flush_buffer() {
  const std::size_t pending = static_cast<std::size_t>(pptr() - pbase());
  setp(buffer_.get(), buffer_.get() + buffer_size);
  return pending == 0 || write_through(buffer_.get(), pending);
}

checksumming_writer::int_type checksumming_writer::overflow(int_type c) {
  if (!flush_buffer())
    return traits_type::eof();
  if (!traits_type::eq_int_type(c, traits_type::eof())) {
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
  }
  return traits_type::not_eof(c);
}

std::streamsize checksumming_writer::xsputn(const char *data, std::streamsize count) {
  const std::size_t size = static_cast<std::size_t>(count);
  if (size == 0) // an empty vector's data() may be null, which memcpy must never see
    return 0;
  if (size < buffer_size && static_cast<std::size_t>(epptr() - pptr()) >= size) {
    std::memcpy(pptr(), data, size);
    pbump(static_cast<int>(size));
    return count;
  }
  if (!flush_buffer())
    return 0;
  if (size < buffer_size) {
    std::memcpy(pptr(), data, size);
    pbump(static_cast<int>(size));
    return count;
  }
  for (std::size_t done = 0; done < size;) { // large: straight from the source
    const std::size_t n = std::min(size - done, chunk_size);
    if (!write_through(data + done, n))
      return static_cast<std::streamsize>(done);
    done += n;
  }
  return count;
}

int checksumming_writer::sync() { return flush_buffer() ? 0 : -1; }

bool checksumming_writer::finish(std::uint64_t &size, std::uint64_t &checksum) {
  const bool flushed = flush_buffer();
  size = written_;
  checksum = XXH3_64bits_digest(&state_);
  return flushed && !failed_;
}

} // namespace cachepy::detail
