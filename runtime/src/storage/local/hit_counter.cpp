#include "atomic_file.hpp"
#include "entry_lock.hpp"
#include "layout.hpp"
#include "../../util/file_io.hpp"
#include "../../util/regular_file.hpp"

#include "hit_counter.hpp"

#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <chrono>
#include <mutex>
#include <sstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace cachepy::detail {
namespace {

using hit_totals = std::map<std::string, unsigned long>;

// A log larger than this is compacted when a process appends to it, if that at least
// halves it (a function with many hit entries keeps a large compacted log).
constexpr std::size_t compact_above_bytes = 64 * 1024;

std::string log_path(const std::string &function_dir) { return layout::hit_log_file(function_dir); }

void add_lines(std::istream &in, hit_totals &totals) {
  std::string key_hex;
  unsigned long count = 0;
  while (in >> key_hex >> count)
    totals[key_hex] += count;
}

// How long a process waits for the log's lock: its holders only append or rewrite a
// small file, so a lock held longer is someone's mistake (or malice), and the exit of
// the program does not wait for it; the counts are then lost.
constexpr auto lock_wait_limit = std::chrono::seconds(2);

// Locks fd before the deadline; false if another process held it until then.
bool lock_briefly(int fd, std::chrono::steady_clock::time_point deadline) {
  auto pause = std::chrono::milliseconds(1);
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR)
      return true; // no flock (some network file systems): appends still stay whole
    if (std::chrono::steady_clock::now() > deadline)
      return false;
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }
  return true;
}

// The log, a regular file opened and locked against the other processes appending to
// or rewriting it: -1 if it cannot be opened or locked in time. A rewrite replaces the
// file, so whoever locked the replaced one retries on the new one.
int open_locked(const std::string &path, int flags) {
  const auto deadline = std::chrono::steady_clock::now() + lock_wait_limit;
  for (;;) {
    const int fd = ::open(path.c_str(), flags | safe_open_flags, layout::file_mode);
    struct stat info;
    if (fd < 0)
      return -1;
    if (!is_regular_file(fd, info) || !lock_briefly(fd, deadline)) {
      ::close(fd);
      return -1;
    }
    if (lock_file_still_linked(fd, path))
      return fd;
    ::close(fd);
  }
}

// One line per key of `log` that still has an entry in function_dir.
std::string compacted(const std::string &function_dir, const std::string &log) {
  hit_totals totals;
  std::istringstream in(log);
  add_lines(in, totals);
  std::string lines;
  for (const auto &[key_hex, count] : totals)
    if (::access(layout::entry_file(function_dir, key_hex).c_str(), F_OK) == 0)
      lines += key_hex + ' ' + std::to_string(count) + '\n';
  return lines;
}

void append_hits(const std::string &function_dir, const std::string &lines) {
  const std::string path = log_path(function_dir);
  const int fd = open_locked(path, O_RDWR | O_CREAT | O_APPEND);
  if (fd < 0)
    return;
  struct stat info;
  std::string log;
  if (::fstat(fd, &info) == 0 &&
      static_cast<std::size_t>(info.st_size) + lines.size() > compact_above_bytes &&
      read_to_end(fd, log)) {
    log += lines;
    const std::string smaller = compacted(function_dir, log);
    if (smaller.size() <= log.size() / 2 &&
        write_atomically(path, smaller) == atomic_write::done) {
      ::close(fd);
      return;
    }
  }
  write_exactly(fd, lines.data(), lines.size());
  ::close(fd);
}

struct hit_counts {
  std::mutex mutex;
  std::map<std::string, std::map<std::string, hit_count>> by_directory;
};

// Made at the first hit; a program that makes none has nothing to write at exit, and
// its exit touches none of this.
std::atomic<hit_counts *> made{nullptr};

hit_counts &counts() {
  static hit_counts *instance = made = new hit_counts; // outlives static destructors
  return *instance;
}

// Run by the C library after every atexit handler and static destructor registered
// once the program started, so that the hits of the cached calls they make are
// written too (an atexit handler registered at the first hit would run before them).
__attribute__((destructor)) void flush_hits() {
  if (!made.load())
    return;
  hit_counts &c = *made.load();
  std::lock_guard<std::mutex> lock(c.mutex);
  try {
    for (auto &[directory, keys] : c.by_directory) {
      std::string lines;
      for (auto &[key_hex, hits] : keys)
        if (const unsigned long n = hits.exchange(0, std::memory_order_relaxed))
          lines += key_hex + ' ' + std::to_string(n) + '\n';
      if (!lines.empty())
        append_hits(directory, lines);
    }
  } catch (...) {
    // Out of memory: the counts are a convenience, the exit goes on.
  }
}

} // namespace

hit_count *hit_count_of(const std::string &function_dir, std::string_view key_hex) noexcept {
  try {
    hit_counts &c = counts();
    std::lock_guard<std::mutex> lock(c.mutex);
    return &c.by_directory[function_dir].try_emplace(std::string(key_hex), 0).first->second;
  } catch (...) {
    return nullptr;
  }
}

std::map<std::string, unsigned long> read_hit_log(const std::string &function_dir) {
  hit_totals totals;
  if (const std::optional<std::string> log = read_regular_file(log_path(function_dir).c_str())) {
    std::istringstream in(*log);
    add_lines(in, totals);
  }
  return totals;
}

void compact_hit_log(const std::string &function_dir) noexcept {
  try {
    const std::string path = log_path(function_dir);
    const int fd = open_locked(path, O_RDWR);
    if (fd < 0)
      return;
    std::string log;
    if (read_to_end(fd, log))
      write_atomically(path, compacted(function_dir, log));
    ::close(fd);
  } catch (...) {
    // Out of memory: the counts of removed entries wait for the next compaction.
  }
}

} // namespace cachepy::detail
