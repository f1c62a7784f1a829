// The local file store. Writes go to a temporary file in the entry's directory and are
// renamed into place, so a reader sees either no entry or a whole one.

#include "entry_format.hpp"

#include <cachepy/detail/logging.hpp>
#include <cachepy/detail/store.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <ctime>
#include <random>
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

} // namespace

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
      log_warning("ignoring damaged entry " + where.file + ": " + entry.problem);
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
                std::string_view payload) noexcept {
  try {
    std::error_code ec;
    std::filesystem::create_directories(where.directory, ec);
    if (ec) {
      log_warning("cannot create cache directory " + where.directory + ": " +
                  ec.message());
      return;
    }
    const std::string temporary = temporary_name(where.file);
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
      log_warning("cannot write " + temporary + ": " + std::strerror(errno));
      return;
    }
    const bool written = write_whole_file(fd, encode_entry(k, format, payload));
    const int saved_errno = errno;
    const bool closed = ::close(fd) == 0;
    if (!written || !closed || ::rename(temporary.c_str(), where.file.c_str()) != 0) {
      log_warning("cannot store " + where.file + ": " +
                  std::strerror(written && closed ? errno : saved_errno));
      ::unlink(temporary.c_str());
    }
  } catch (const std::exception &error) {
    log_warning(std::string("cannot store ") + where.file + ": " + error.what());
  }
}

} // namespace cachepy::detail
