// The local file store. Writes go to a temporary file in the entry's directory and are
// renamed into place, so a reader sees either no entry or a whole one.

#include "entry_format.hpp"
#include "entry_streams.hpp"
#include "../util/file_io.hpp"
#include "../util/once_per_key.hpp"

#include <cachepy/detail/entry_lock.hpp>
#include <cachepy/detail/logging.hpp>
#include <cachepy/detail/store.hpp>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <ctime>
#include <filesystem>
#include <istream>
#include <ostream>
#include <random>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cachepy::detail {
namespace {

constexpr std::time_t refresh_interval_seconds = 24 * 60 * 60;

// Closes on every path out of load_entry and save_entry.
struct file_descriptor {
  int fd;
  ~file_descriptor() {
    if (fd >= 0)
      ::close(fd);
  }
};

std::string temporary_name(const std::string &final_path) {
  thread_local std::mt19937_64 random{std::random_device{}()};
  return final_path + ".tmp." + std::to_string(::getpid()) + '.' +
         key{0, random()}.hex().substr(16);
}

std::uint64_t now_ms() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

void sync_directory(const std::string &directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// A process killed while writing leaves "<entry>.tmp.<pid>.<random>" (or the
// manifest's or hits.log's "<name>.tmp.<pid>"); one killed while computing leaves
// "<key>.lock" and "<key>.computing". The first store of a process in a function
// directory clears what dead processes left there.
void remove_stale_debris_once(const std::string &directory) {
  static once_per_key &cleaned = *new once_per_key;
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
      const std::size_t tmp = name.find(".tmp."); // entries', manifest's, hits.log's
      if (tmp != std::string::npos) {
        const long pid = std::strtol(name.c_str() + tmp + 5, nullptr, 10);
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

loaded load_entry(const entry_address &where, const key &k, backend format,
                  function_ref<void(std::istream &, std::uint64_t payload_size)> read,
                  std::uint64_t max_age_seconds) noexcept {
  loaded outcome;
  try {
    const file_descriptor file{::open(where.file.c_str(), O_RDONLY | O_CLOEXEC)};
    struct stat info;
    if (file.fd < 0 || ::fstat(file.fd, &info) != 0 || !S_ISREG(info.st_mode))
      return outcome; // absent
    // A hit makes the entry "used": its modification time is what cache_prune ages,
    // refreshed at most once a day to keep hits read-only.
    if (std::time(nullptr) - info.st_mtime > refresh_interval_seconds)
      ::futimens(file.fd, nullptr);

    entry_header header;
    const std::uint64_t size = static_cast<std::uint64_t>(info.st_size);
    const char *problem = "truncated header";
    if (size >= sizeof header && read_exactly(file.fd, &header, sizeof header))
      problem = header_problem(header, k, format, size - sizeof header);
    if (!problem && max_age_seconds != 0 && is_expired(header, now_ms(), max_age_seconds)) {
      outcome.result = load_result::expired;
      return outcome;
    }
    if (!problem) {
      ::posix_fadvise(file.fd, 0, 0, POSIX_FADV_SEQUENTIAL);
      checksumming_reader payload(file.fd, header.payload_size);
      std::istream in(&payload);
      std::string read_error;
      try {
        read(in, header.payload_size);
      } catch (const std::exception &error) {
        read_error = error.what();
      } catch (...) {
        read_error = "the value's deserialization failed";
      }
      std::uint64_t checksum = 0;
      if (!payload.finish(checksum) || checksum != header.payload_checksum) {
        problem = checksum_problem;
      } else if (!read_error.empty()) {
        outcome.result = load_result::unreadable;
        outcome.problem = read_error;
        return outcome;
      }
    }
    if (problem) {
      // Removed, so that the next reader does not pay for it again; at worst this
      // races with a peer's fresh entry, which is then recomputed: never a wrong value.
      log_warning_once("damaged:" + where.file,
                       "ignoring damaged entry " + where.file + ": " + problem);
      ::unlink(where.file.c_str());
      outcome.result = load_result::damaged;
      outcome.problem = problem;
      return outcome;
    }
    outcome.result = load_result::hit;
    outcome.payload_size = header.payload_size;
  } catch (const std::exception &error) {
    log_warning(std::string("cannot read ") + where.file + ": " + error.what());
    outcome.result = load_result::damaged;
    outcome.problem = error.what();
  }
  return outcome;
}

namespace {

// The temporary file of one store: removed unless it was renamed into place (or
// never created: another file of that name is not ours).
struct temporary_file {
  std::string path;
  int fd = -1;
  bool kept = false;
  ~temporary_file() {
    if (fd >= 0)
      ::close(fd);
    if (!kept)
      ::unlink(path.c_str());
  }
};

bool write_header(int fd, const entry_header &header) {
  return ::pwrite(fd, &header, sizeof header, 0) == static_cast<ssize_t>(sizeof header);
}

} // namespace

std::optional<std::uint64_t> save_entry(const entry_address &where, const key &k,
                                        backend format,
                                        function_ref<void(std::ostream &)> write,
                                        durability level) {
  auto cannot = [&](const char *what, const std::string &why) {
    log_warning_once("store:" + where.directory, std::string("cannot ") + what + " " +
                                                     where.directory + ": " + why +
                                                     "; not caching there");
    return std::nullopt;
  };
  std::error_code ec;
  std::filesystem::create_directories(where.directory, ec);
  if (ec)
    return cannot("create cache directory", ec.message());
  remove_stale_debris_once(where.directory);
  temporary_file temporary{temporary_name(where.file)};
  temporary.fd = ::open(temporary.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (temporary.fd < 0) {
    temporary.kept = true;
    return cannot("write in", std::strerror(errno));
  }

  // The header goes last, once the payload's size and checksum are known.
  bool written = ::lseek(temporary.fd, sizeof(entry_header), SEEK_SET) >= 0;
  std::uint64_t size = 0, checksum = 0;
  if (written) {
    checksumming_writer payload(temporary.fd);
    std::ostream out(&payload);
    write(out); // an exception leaves through temporary's destructor
    written = payload.finish(size, checksum) &&
              write_header(temporary.fd, make_header(k, format, size, checksum, now_ms()));
  }
  if (written && level != durability::none)
    written = ::fsync(temporary.fd) == 0;
  const int saved_errno = errno;
  const int fd = temporary.fd;
  temporary.fd = -1;
  const bool closed = ::close(fd) == 0;
  if (!written || !closed || ::rename(temporary.path.c_str(), where.file.c_str()) != 0)
    return cannot("store entries in", std::strerror(written && closed ? errno : saved_errno));
  temporary.kept = true;
  if (level == durability::full)
    sync_directory(where.directory);
  return size;
}

} // namespace cachepy::detail
