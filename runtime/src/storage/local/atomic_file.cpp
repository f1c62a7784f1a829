#include "atomic_file.hpp"

#include "layout.hpp"
#include "../../util/file_io.hpp"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#include <utility>

namespace cachepy::detail {
namespace {

// The temporary once created, until it is renamed: removed on every other way out,
// exceptions included, keeping the errno that says why the write failed.
struct temporary_file {
  std::string path;
  int fd = -1;
  bool renamed = false;
  ~temporary_file() {
    const int saved = errno;
    if (fd >= 0)
      ::close(fd);
    if (!renamed)
      ::unlink(path.c_str());
    errno = saved;
  }
};

void sync_directory_of(const std::string &path) {
  const std::size_t slash = path.rfind('/');
  const std::string directory = slash == std::string::npos ? "."
                                : slash == 0                ? "/"
                                                            : path.substr(0, slash);
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

} // namespace

atomic_write write_atomically(const std::string &path, function_ref<bool(int fd)> fill,
                              durability level) {
  std::string temporary_path = layout::temporary_file(path);
  // O_EXCL: a file someone planted under that name is never written through.
  const int fd = ::open(temporary_path.c_str(), O_WRONLY | O_EXCL | layout::create_flags,
                        layout::file_mode);
  if (fd < 0)
    return atomic_write::not_created; // nothing to remove: a file of that name is not ours
  temporary_file temporary{std::move(temporary_path), fd};
  bool written = fill(temporary.fd);
  if (written && level != durability::none)
    written = ::fsync(temporary.fd) == 0;
  const int saved = errno;
  temporary.fd = -1;
  const bool closed = ::close(fd) == 0;
  if (!written)
    errno = saved; // the fill's or fsync's reason, not close's
  if (!written || !closed || ::rename(temporary.path.c_str(), path.c_str()) != 0)
    return atomic_write::not_written;
  temporary.renamed = true;
  if (level == durability::full)
    sync_directory_of(path);
  return atomic_write::done;
}

atomic_write write_atomically(const std::string &path, std::string_view content) {
  return write_atomically(
      path, [&](int fd) { return write_exactly(fd, content.data(), content.size()); });
}

} // namespace cachepy::detail
