#ifndef CACHEPY_STORAGE_LOCAL_ENTRY_LOCK_HPP
#define CACHEPY_STORAGE_LOCAL_ENTRY_LOCK_HPP

// Single flight: of the threads and processes that miss the same entry, one computes
// it while the others wait, then read it. The lock is a kernel lock (flock) on
// <key>.lock, so a holder that dies releases it at once and a waiter takes over; the
// holder also leaves <key>.computing (its pid) for people and tools to see. Both
// files are removed when the computation ends. Waiting is bounded: past the bound the
// waiter computes anyway, as if there were no lock (failure() says gave_up_waiting).

#include "local_storage.hpp"

#include <string>

namespace cachepy::detail {

// Whether fd is still the file at path: a lock file can be unlinked (and recreated)
// by its holder between another process's open() and flock().
bool lock_file_still_linked(int fd, const std::string &path);

class entry_lock final : public backend_lock {
public:
  static entry_lock acquire(const entry_address &where, const key &k,
                            std::chrono::milliseconds timeout) noexcept;

  entry_lock(entry_lock &&other) noexcept;
  entry_lock &operator=(entry_lock &&) = delete;
  entry_lock(const entry_lock &) = delete;
  ~entry_lock() override;

  bool held() const { return fd_ >= 0; }
  // Why the lock is not held, when something went wrong (not merely too deep a nesting).
  const std::optional<storage_failure> &failure() const { return failure_; }

private:
  entry_lock() = default;

  int fd_ = -1;
  std::string lock_path_;
  std::string computing_path_;
  std::optional<storage_failure> failure_;
};

} // namespace cachepy::detail

#endif
