#ifndef CACHEPY_UTIL_FILE_IO_HPP
#define CACHEPY_UTIL_FILE_IO_HPP

// Whole reads and writes on a file descriptor: short counts and interruptions by
// signals are continued; anything else (or, for the exact ones, the end of the file)
// is a failure.

#include <cerrno>
#include <cstddef>
#include <string>
#include <unistd.h>

namespace cachepy::detail {

// `transfer` is ::read or ::write.
template <class Byte, class Transfer>
bool transfer_exactly(Transfer transfer, int fd, Byte *data, std::size_t size) {
  for (std::size_t done = 0; done < size;) {
    const ssize_t n = transfer(fd, data + done, size - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

inline bool read_exactly(int fd, void *data, std::size_t size) {
  return transfer_exactly(::read, fd, static_cast<char *>(data), size);
}

inline bool write_exactly(int fd, const void *data, std::size_t size) {
  return transfer_exactly(::write, fd, static_cast<const char *>(data), size);
}

// Appends the whole file, from its start whatever fd's offset, to text.
inline bool read_to_end(int fd, std::string &text) {
  char buffer[64 * 1024];
  for (off_t offset = 0;;) {
    const ssize_t n = ::pread(fd, buffer, sizeof buffer, offset);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return false;
    if (n == 0)
      return true;
    text.append(buffer, static_cast<std::size_t>(n));
    offset += n;
  }
}

} // namespace cachepy::detail

#endif
