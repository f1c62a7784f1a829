#include "entry_lock.hpp"
#include "layout.hpp"
#include "../../util/regular_file.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace cachepy::detail {
namespace {

// Nested cached calls hold one lock each while their bodies run: a deep recursion
// would run out of file descriptors (and then of the ones stores need). Past this
// depth a thread computes without single flight; so deep, contention is unlikely.
constexpr int max_locks_per_thread = 64;
thread_local int locks_held = 0;

} // namespace

bool lock_file_still_linked(int fd, const std::string &path) {
  struct stat held, current;
  return ::fstat(fd, &held) == 0 && ::lstat(path.c_str(), &current) == 0 &&
         held.st_ino == current.st_ino && held.st_dev == current.st_dev;
}

entry_lock entry_lock::acquire(const entry_address &where, const key &k,
                               std::chrono::milliseconds timeout) noexcept {
  entry_lock lock;
  if (locks_held >= max_locks_per_thread)
    return lock;
  try {
    const std::string key_hex = k.hex();
    lock.lock_path_ = layout::lock_file(where.directory, key_hex);
    lock.computing_path_ = layout::computing_file(where.directory, key_hex);
    if ((lock.failure_ = make_function_directory(where)))
      return lock;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    auto pause = std::chrono::milliseconds(2);
    for (;;) {
      const int fd = regular_or_closed(
          ::open(lock.lock_path_.c_str(), O_RDWR | layout::create_flags, layout::file_mode));
      if (fd < 0) {
        lock.failure_ = cannot_use_directory("lock entries in", where, std::strerror(errno));
        return lock;
      }
      while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
          ::close(fd);
          return lock;
        }
        if (std::chrono::steady_clock::now() > deadline) {
          ::close(fd);
          lock.failure_ = storage_failure{storage_failure::kind::gave_up_waiting, {}};
          return lock;
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds(50));
      }
      // The previous holder may have unlinked this file between our open() and
      // flock(): then we hold a lock nobody else sees, and must retry.
      if (lock_file_still_linked(fd, lock.lock_path_)) {
        lock.fd_ = fd;
        ++locks_held;
        break;
      }
      ::close(fd);
    }
    const int computing = regular_or_closed(
        ::open(lock.computing_path_.c_str(), O_WRONLY | O_TRUNC | layout::create_flags,
               layout::file_mode));
    if (computing >= 0) {
      const std::string pid = std::to_string(::getpid()) + '\n';
      [[maybe_unused]] const ssize_t written = ::write(computing, pid.data(), pid.size());
      ::close(computing);
    }
  } catch (...) {
    // Out of memory building a path: compute without the lock.
  }
  return lock;
}

entry_lock::entry_lock(entry_lock &&other) noexcept
    : fd_(other.fd_), lock_path_(std::move(other.lock_path_)),
      computing_path_(std::move(other.computing_path_)), failure_(std::move(other.failure_)) {
  other.fd_ = -1;
}

// Unlink first, unlock second: a waiter that then gets the old file sees it unlinked
// (still_linked) and retries on a fresh one.
entry_lock::~entry_lock() {
  if (fd_ < 0)
    return;
  ::unlink(computing_path_.c_str());
  ::unlink(lock_path_.c_str());
  ::close(fd_);
  --locks_held;
}

} // namespace cachepy::detail
