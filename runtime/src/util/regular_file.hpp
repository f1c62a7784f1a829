#ifndef CACHEPY_UTIL_REGULAR_FILE_HPP
#define CACHEPY_UTIL_REGULAR_FILE_HPP

// Opening a file that someone else may have replaced: a symbolic link is not
// followed, a FIFO or device does not block the open, and anything but a regular
// file is refused (a FIFO would block the first read, a device never ends).

#include "file_io.hpp"

#include <cerrno>
#include <cstdint>
#include <fcntl.h>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace cachepy::detail {

// Every open of a file the runtime did not just create.
inline constexpr int safe_open_flags = O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC;

// Whether fd is a regular file (info filled from fstat); errno is EINVAL when it is not.
inline bool is_regular_file(int fd, struct stat &info) {
  if (::fstat(fd, &info) != 0)
    return false;
  if (S_ISREG(info.st_mode))
    return true;
  errno = EINVAL;
  return false;
}

// fd if it is a regular file; otherwise -1 (fd closed), errno saying why.
inline int regular_or_closed(int fd) {
  struct stat info;
  if (fd < 0 || is_regular_file(fd, info))
    return fd;
  const int saved = errno;
  ::close(fd);
  errno = saved;
  return -1;
}

// fd of the existing regular file at path (relative to dir_fd, AT_FDCWD by default),
// opened with `flags` (O_RDONLY, O_RDWR...) plus safe_open_flags; -1 and errno
// otherwise (ELOOP for a symbolic link, EINVAL for another kind of file).
inline int open_regular_file(const char *path, int flags = O_RDONLY, int dir_fd = AT_FDCWD) {
  return regular_or_closed(::openat(dir_fd, path, flags | safe_open_flags));
}

// Whether read_regular_file follows a symbolic link: a file the user named (their
// configuration, perhaps a link into their dotfiles) is read through one.
enum class links { refused, followed };

// The whole regular file at path, if it is one of at most max_size bytes; nothing
// otherwise, with errno saying why (EFBIG: it is larger).
inline std::optional<std::string> read_regular_file(const char *path,
                                                    std::size_t max_size = SIZE_MAX,
                                                    links at_path = links::refused) {
  const int fd = at_path == links::refused
                     ? open_regular_file(path)
                     : regular_or_closed(::open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (fd < 0)
    return std::nullopt;
  std::string text;
  struct stat info;
  bool read = false;
  if (::fstat(fd, &info) == 0 && static_cast<std::uint64_t>(info.st_size) > max_size)
    errno = EFBIG;
  else
    read = read_to_end(fd, text);
  const int saved = errno;
  ::close(fd);
  errno = text.size() > max_size ? EFBIG : saved; // it may have grown since fstat
  if (!read || text.size() > max_size)
    return std::nullopt;
  return text;
}

} // namespace cachepy::detail

#endif
