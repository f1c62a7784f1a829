#include <cachepy/detail/hit_counter.hpp>

#include <fcntl.h>
#include <map>
#include <mutex>
#include <string>
#include <unistd.h>

namespace cachepy::detail {
namespace {

struct hit_counts {
  std::mutex mutex;
  std::map<std::string, std::map<std::string, hit_count>> by_directory;
};

hit_counts &counts() {
  static hit_counts *instance = new hit_counts; // outlives static destructors
  return *instance;
}

// Run by the C library after every atexit handler and static destructor registered
// once the program started, so that the hits of the cached calls they make are
// written too (an atexit handler registered at the first hit would run before them).
__attribute__((destructor)) void flush_hits() {
  hit_counts &c = counts();
  std::lock_guard<std::mutex> lock(c.mutex);
  for (auto &[directory, keys] : c.by_directory) {
    std::string lines;
    for (auto &[key_hex, hits] : keys)
      if (const unsigned long n = hits.exchange(0, std::memory_order_relaxed))
        lines += key_hex + ' ' + std::to_string(n) + '\n';
    if (lines.empty())
      continue;
    const std::string path = directory + "/hits.log";
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
      continue;
    [[maybe_unused]] const ssize_t written = ::write(fd, lines.data(), lines.size());
    ::close(fd);
  }
}

} // namespace

hit_count *hit_count_of(const entry_address &where) noexcept {
  try {
    hit_counts &c = counts();
    const std::string file_name = where.file.substr(where.directory.size() + 1, 32);
    std::lock_guard<std::mutex> lock(c.mutex);
    return &c.by_directory[where.directory].try_emplace(file_name, 0).first->second;
  } catch (...) {
    return nullptr;
  }
}

} // namespace cachepy::detail
