// The local file store. Writes go to a temporary file in the entry's directory and are
// renamed into place, so a reader sees either no entry or a whole one.

#include "entry_format.hpp"
#include "../util/once_per_key.hpp"

#include <cachepy/detail/entry_lock.hpp>
#include <cachepy/detail/logging.hpp>
#include <cachepy/detail/store.hpp>
#include <cachepy/detail/store.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <ctime>
#include <random>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cachepy::detail {
namespace {

constexpr std::time_t refresh_interval_seconds = 24 * 60 * 60;

// Reads the file in one go. A hit makes the entry "used": its modification time is
// what cache_prune ages, refreshed at most once a day to keep hits read-only.
bool read_whole_file(const std::string &path, std::string &out) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return false;
  struct stat info;
  bool ok = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
  if (ok && std::time(nullptr) - info.st_mtime > refresh_interval_seconds)
    ::futimens(fd, nullptr);
  if (ok) {
    out.resize(static_cast<std::size_t>(info.st_size));
    std::size_t done = 0;
    while (ok && done < out.size()) {
      const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
      if (n < 0 && errno == EINTR)
        continue;
      ok = n > 0;
      if (ok)
        done += static_cast<std::size_t>(n);
    }
  }
  ::close(fd);
  return ok;
}

bool write_whole_file(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::string temporary_name(const std::string &final_path) {
  thread_local std::mt19937_64 random{std::random_device{}()};
  return final_path + ".tmp." + std::to_string(::getpid()) + '.' +
         key{0, random()}.hex().substr(16);
}

void sync_directory(const std::string &directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// A process killed while writing leaves "<entry>.tmp.<pid>.<random>"; one killed
// while computing leaves "<key>.lock" and "<key>.computing". The first store of a
// process in a function directory clears what dead processes left there.
void remove_stale_debris_once(const std::string &directory) {
  static once_per_key cleaned;
  if (cleaned.first(directory))
    remove_stale_debris(directory);
}

} // namespace

std::size_t remove_stale_debris(const std::string &directory) noexcept {
  std::size_t removed = 0;
  try {
    std::error_code error;
    for (std::filesystem::directory_iterator it(directory, error), end; !error && it != end;
         it.increment(error)) {
      const std::string path = it->path().native();
      const std::string name = it->path().filename().native();
      bool stale = false;
      const std::size_t tmp = name.find(".cpy.tmp.");
      if (tmp != std::string::npos) {
        const long pid = std::strtol(name.c_str() + tmp + 9, nullptr, 10);
        stale = pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
      } else if (name.size() > 5 && name.compare(name.size() - 5, 5, ".lock") == 0) {
        // Unheld: nobody computes it. Taking the lock before unlinking keeps a
        // starting holder safe (it re-checks that its file is still linked).
        // Locked and still the file at that path: a lock file opened just before its
        // holder replaced it would otherwise let us unlink the next holder's lock.
        const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
        if (fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) == 0 && lock_file_still_linked(fd, path)) {
          const std::string computing = path.substr(0, path.size() - 5) + ".computing";
          ::unlink(computing.c_str());
          removed += ::unlink(path.c_str()) == 0 ? 1 : 0;
        }
        if (fd >= 0)
          ::close(fd);
      }
      if (stale && ::unlink(path.c_str()) == 0)
        ++removed;
    }
  } catch (...) {
  }
  return removed;
}

entry_address address_of(std::string_view cache_dir, std::string_view function_dir,
                         const key &k) {
  entry_address where;
  where.cache_dir = std::string(cache_dir);
  where.directory.reserve(cache_dir.size() + function_dir.size() + 1);
  where.directory.append(cache_dir).append("/").append(function_dir);
  where.file = where.directory + '/' + k.hex() + ".cpy";
  return where;
}

load_result load_entry(const entry_address &where, const key &k, backend format,
                       std::string &payload) noexcept {
  try {
    std::string file;
    if (!read_whole_file(where.file, file))
      return load_result::absent;
    const decoded_entry entry = decode_entry(file, k, format);
    if (!entry.ok) {
      // Removed, so that the next reader does not pay for it again; at worst this
      // races with a peer's fresh entry, which is then recomputed: never a wrong value.
      log_warning_once("damaged:" + where.file,
                       "ignoring damaged entry " + where.file + ": " + entry.problem);
      ::unlink(where.file.c_str());
      return load_result::damaged;
    }
    payload.assign(entry.payload);
    return load_result::hit;
  } catch (const std::exception &error) {
    log_warning(std::string("cannot read ") + where.file + ": " + error.what());
    return load_result::damaged;
  }
}

void save_entry(const entry_address &where, const key &k, backend format,
                std::string_view payload, durability level) noexcept {
  try {
    std::error_code ec;
    std::filesystem::create_directories(where.directory, ec);
    if (ec) {
      log_warning_once("store:" + where.directory, "cannot create cache directory " +
                                                       where.directory + ": " +
                                                       ec.message() + "; not caching there");
      return;
    }
    remove_stale_debris_once(where.directory);
    const std::string temporary = temporary_name(where.file);
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
      log_warning_once("store:" + where.directory, "cannot write in " + where.directory +
                                                       ": " + std::strerror(errno) +
                                                       "; not caching there");
      return;
    }
    bool written = write_whole_file(fd, encode_entry(k, format, payload));
    if (written && level != durability::none)
      written = ::fsync(fd) == 0;
    const int saved_errno = errno;
    const bool closed = ::close(fd) == 0;
    if (!written || !closed || ::rename(temporary.c_str(), where.file.c_str()) != 0) {
      log_warning_once("store:" + where.directory,
                       "cannot store entries in " + where.directory + ": " +
                           std::strerror(written && closed ? errno : saved_errno) +
                           "; not caching there");
      ::unlink(temporary.c_str());
      return;
    }
    if (level == durability::full)
      sync_directory(where.directory);
  } catch (const std::exception &error) {
    log_warning_once("store:" + where.directory,
                     std::string("cannot store ") + where.file + ": " + error.what());
  }
}

} // namespace cachepy::detail
