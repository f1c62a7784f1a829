// The local file store. Writes go to a temporary file in the entry's directory and are
// renamed into place, so a reader sees either no entry or a whole one.

#include "local_storage.hpp"

#include "atomic_file.hpp"
#include "entry_format.hpp"
#include "entry_lock.hpp"
#include "entry_streams.hpp"
#include "layout.hpp"
#include "../../util/file_io.hpp"
#include "../../util/once_per_key.hpp"
#include "../../util/regular_file.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <ctime>
#include <dirent.h>
#include <filesystem>
#include <istream>
#include <ostream>
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

std::uint64_t now_ms() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

// A temporary file whose writer is gone: on this host, its pid no longer runs; the
// writer on another host (a directory shared over NFS) cannot be asked, so its file
// is stale only when it has not been written to for a day (kill(pid, 0) there would
// ask about some unrelated local process, and delete a live writer's file).
constexpr std::time_t stale_temporary_seconds = 24 * 60 * 60;

bool temporary_is_stale(int dir_fd, const std::string &name) {
  const layout::temporary_writer writer = layout::writer_of_temporary(name);
  if (writer.pid > 0 && writer.host == layout::this_host())
    return ::kill(static_cast<pid_t>(writer.pid), 0) != 0 && errno == ESRCH;
  struct stat info;
  return ::fstatat(dir_fd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0 &&
         std::time(nullptr) - info.st_mtime > stale_temporary_seconds;
}

// A process killed while writing leaves "<name>.tmp.<host>.<pid>.<random>"; one
// killed while computing leaves "<key>.lock" and "<key>.computing". The first store
// of a process in a function directory clears what dead processes left there.
void remove_stale_debris_once(const std::string &directory) {
  static once_per_key &cleaned = *new once_per_key;
  if (cleaned.first(directory))
    remove_stale_debris(directory);
}

// Runs `read` on the payload; what it threw, as text (empty when it returned normally).
std::string run_reader(payload_reader read, std::istream &in, std::uint64_t payload_size) {
  try {
    read(in, payload_size);
  } catch (const std::exception &error) {
    return error.what();
  } catch (...) {
    return "the value's deserialization failed";
  }
  return std::string();
}

// An entry's payload held in memory, as a stream.
class memory_reader : public std::streambuf {
public:
  explicit memory_reader(std::string_view bytes) {
    char *begin = const_cast<char *>(bytes.data()); // only ever read
    setg(begin, begin, begin + bytes.size());
  }
};

// A payload encoded into memory, after room for its header.
class memory_writer : public std::streambuf {
public:
  explicit memory_writer(std::string &bytes) : bytes_(bytes) {}

protected:
  int_type overflow(int_type c) override {
    if (c != traits_type::eof())
      bytes_.push_back(traits_type::to_char_type(c));
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char *data, std::streamsize count) override {
    bytes_.append(data, static_cast<std::size_t>(count));
    return count;
  }

private:
  std::string &bytes_;
};

} // namespace

storage_failure cannot_use_directory(const char *what, const entry_address &where,
                                     const std::string &why) {
  return {storage_failure::kind::not_writable,
          std::string("cannot ") + what + " " + where.directory + ": " + why};
}

std::size_t remove_stale_debris(const std::string &directory) noexcept {
  // Opened without following a link and then worked in by name: a function directory
  // that is a link to somewhere else is not cleaned (the files there are not ours).
  const int dir_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (dir_fd < 0)
    return 0;
  DIR *listing = ::fdopendir(dir_fd);
  if (!listing) {
    ::close(dir_fd);
    return 0;
  }
  std::size_t removed = 0;
  try {
    while (const dirent *found = ::readdir(listing)) {
      const std::string name = found->d_name;
      if (layout::is_temporary_name(name)) { // entries', manifest's, hits.log's
        if (temporary_is_stale(dir_fd, name) && ::unlinkat(dir_fd, name.c_str(), 0) == 0)
          ++removed;
      } else if (const std::string_view key_hex = layout::lock_name_key(name); !key_hex.empty()) {
        // Unheld: nobody computes it. Taking the lock before unlinking keeps a
        // starting holder safe (it re-checks that its file is still linked).
        // Locked and still the file at that path: a lock file opened just before its
        // holder replaced it would otherwise let us unlink the next holder's lock.
        const int fd = open_regular_file(name.c_str(), O_RDWR, dir_fd);
        if (fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) == 0 &&
            lock_file_still_linked(fd, directory + '/' + name)) {
          ::unlinkat(dir_fd, layout::computing_file(".", key_hex).c_str(), 0);
          removed += ::unlinkat(dir_fd, name.c_str(), 0) == 0 ? 1 : 0;
        }
        if (fd >= 0)
          ::close(fd);
      }
    }
  } catch (...) {
  }
  ::closedir(listing);
  return removed;
}

std::optional<storage_failure> make_function_directory(const entry_address &where) noexcept {
  try {
    std::error_code error;
    std::filesystem::create_directories(where.directory, error);
    if (!error)
      return std::nullopt;
    return cannot_use_directory("create cache directory", where, error.message());
  } catch (...) {
    return storage_failure{storage_failure::kind::not_writable, "out of memory"}; // no allocation
  }
}

entry_address address_of(std::string_view cache_dir, std::string_view function_dir,
                         const key &k) {
  entry_address where;
  where.cache_dir = std::string(cache_dir);
  where.directory = layout::function_directory(cache_dir, function_dir);
  where.file = layout::entry_file(where.directory, k);
  return where;
}

loaded load_entry(const entry_address &where, const key &k, value_format format,
                  payload_reader read, std::uint64_t max_age_seconds) noexcept {
  loaded outcome;
  try {
    const file_descriptor file{open_regular_file(where.file.c_str())};
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
      // The generic decoder reads the payload whole, which the stream completes only
      // once its checksum matched; the fast path for arrays of numbers reads straight
      // into the array, which is returned only if finish() then confirms the checksum.
      checksumming_reader payload(file.fd, header.payload_size, header.payload_checksum);
      std::istream in(&payload);
      const std::string read_error = run_reader(read, in, header.payload_size);
      if (!payload.finish()) {
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
      ::unlink(where.file.c_str());
      outcome.result = load_result::damaged;
      outcome.problem = problem;
      return outcome;
    }
    outcome.result = load_result::hit;
    outcome.payload_size = header.payload_size;
  } catch (const std::exception &error) {
    outcome.result = load_result::damaged;
    outcome.problem = std::string("cannot read it: ") + error.what();
  }
  return outcome;
}

namespace {

bool write_header(int fd, const entry_header &header) {
  return ::pwrite(fd, &header, sizeof header, 0) == static_cast<ssize_t>(sizeof header);
}

// Writes the entry file at `where` through `fill` (given the temporary file's
// descriptor; false when it failed), then renames it into place. Why not, when nothing
// was stored; an exception from `fill` propagates.
std::optional<storage_failure> write_entry_file(const entry_address &where,
                                                function_ref<bool(int fd)> fill,
                                                durability level) {
  if (std::optional<storage_failure> failure = make_function_directory(where))
    return failure;
  remove_stale_debris_once(where.directory);
  const atomic_write result = write_atomically(where.file, fill, level);
  if (result == atomic_write::done)
    return std::nullopt;
  return cannot_use_directory(result == atomic_write::not_created ? "write in" : "store entries in",
                              where, std::strerror(errno));
}

} // namespace

storage_outcome<std::uint64_t> save_entry(const entry_address &where, const key &k,
                                          value_format format, payload_writer write,
                                          durability level) {
  storage_outcome<std::uint64_t> outcome;
  std::uint64_t &size = outcome.value;
  // The header goes last, once the payload's size and checksum are known.
  outcome.failure = write_entry_file(
      where,
      [&](int fd) {
        if (::lseek(fd, sizeof(entry_header), SEEK_SET) < 0)
          return false;
        checksumming_writer payload(fd);
        std::ostream out(&payload);
        try {
          write(out);
        } catch (...) {
          if (payload.error() == 0)
            throw; // the value's own failure
          // The disk's (a serializer throws when its stream fails): a store problem.
        }
        std::uint64_t checksum = 0;
        const bool written = payload.finish(size, checksum) &&
                             write_header(fd, make_header(k, format, size, checksum, now_ms()));
        if (payload.error() != 0)
          errno = payload.error(); // to say why: "No space left on device"
        return written;
      },
      level);
  return outcome;
}

std::string encode_entry(const key &k, value_format format, payload_writer write) {
  std::string entry(sizeof(entry_header), '\0');
  memory_writer payload(entry);
  std::ostream out(&payload);
  write(out);
  const std::string_view written = std::string_view(entry).substr(sizeof(entry_header));
  const entry_header header = make_header(k, format, written.size(),
                                          XXH3_64bits(written.data(), written.size()), now_ms());
  std::memcpy(entry.data(), &header, sizeof header);
  return entry;
}

loaded read_entry_from(std::string_view entry, const key &k, value_format format,
                       payload_reader read, std::uint64_t max_age_seconds) noexcept {
  loaded outcome;
  const decoded_entry decoded = decode_entry(entry, k, format);
  if (!decoded.ok) {
    outcome.result = load_result::damaged;
    outcome.problem = decoded.problem;
    return outcome;
  }
  entry_header header;
  std::memcpy(&header, entry.data(), sizeof header);
  if (max_age_seconds != 0 && is_expired(header, now_ms(), max_age_seconds)) {
    outcome.result = load_result::expired;
    return outcome;
  }
  try {
    memory_reader payload(decoded.payload);
    std::istream in(&payload);
    outcome.problem = run_reader(read, in, decoded.payload.size());
  } catch (...) {
    outcome.problem = "the value's deserialization failed";
  }
  outcome.result = outcome.problem.empty() ? load_result::hit : load_result::unreadable;
  outcome.payload_size = decoded.payload.size();
  return outcome;
}

namespace {

std::optional<storage_failure> write_entry_bytes(const entry_address &where,
                                                 std::string_view entry, durability level) {
  return write_entry_file(
      where, [&](int fd) { return write_exactly(fd, entry.data(), entry.size()); }, level);
}

} // namespace

const entry_address &local_entry::address() const {
  if (!address_)
    address_ = address_of(cache_dir_, id_.function_dir, id_.k);
  return *address_;
}

void local_entry::touch() noexcept {
  try {
    ::utimensat(AT_FDCWD, address().file.c_str(), nullptr, AT_SYMLINK_NOFOLLOW);
  } catch (...) {
  }
}

lock_outcome local_entry::lock(std::chrono::milliseconds timeout) noexcept {
  lock_outcome outcome;
  try {
    auto held = std::make_unique<entry_lock>(entry_lock::acquire(address(), id_.k, timeout));
    outcome.failure = held->failure();
    if (held->held())
      outcome.value = std::move(held);
  } catch (...) {
  }
  return outcome;
}

loaded local_entry::read(payload_reader read, std::uint64_t max_age_seconds) noexcept {
  try {
    return load_entry(address(), id_.k, id_.format, read, max_age_seconds);
  } catch (...) {
    return {}; // out of memory building the path: a miss
  }
}

storage_outcome<std::uint64_t> local_entry::write(payload_writer write, durability level) {
  return save_entry(address(), id_.k, id_.format, write, level);
}

std::optional<storage_failure> local_entry::write_bytes(std::string_view entry,
                                                       durability level) {
  return write_entry_bytes(address(), entry, level);
}

hit_count *local_entry::hits() noexcept {
  try {
    return hit_count_of(address().directory, id_.k.hex());
  } catch (...) {
    return nullptr;
  }
}

} // namespace cachepy::detail
