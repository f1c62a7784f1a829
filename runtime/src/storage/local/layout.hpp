#ifndef CACHEPY_STORAGE_LOCAL_LAYOUT_HPP
#define CACHEPY_STORAGE_LOCAL_LAYOUT_HPP

// Every name the local store gives a file, in one place:
//   <cache dir>/graph.tsv                          the call graph
//   <cache dir>/<function dir>/<key hex>.cpy       an entry
//   <cache dir>/<function dir>/<key hex>.lock      single flight (flock)
//   <cache dir>/<function dir>/<key hex>.computing its holder's pid, for people
//   <cache dir>/<function dir>/manifest            what the newest entry was computed under
//   <cache dir>/<function dir>/hits.log            hit counts of exited processes
//   <any of these>.tmp.<host>.<pid>.<random>       a write in progress
// The listing (inspect) and the debris cleaner recognize exactly these names.

#include <cachepy/detail/key.hpp>

#include <fcntl.h>
#include <string>
#include <string_view>
#include <sys/types.h>

namespace cachepy::detail::layout {

// Modes the user's umask then narrows (a group's shared cache stays group-writable).
inline constexpr mode_t file_mode = 0666;
inline constexpr mode_t directory_mode = 0777;
// Every open that may create a file: never through a symbolic link someone planted in
// a shared directory, and never blocked by a FIFO planted there (the caller checks
// with fstat that it got a regular file).
inline constexpr int create_flags = O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC;

std::string function_directory(std::string_view cache_dir, std::string_view function_dir);
std::string entry_file(const std::string &function_directory, const key &k);
std::string entry_file(const std::string &function_directory, std::string_view key_hex);
std::string lock_file(const std::string &function_directory, std::string_view key_hex);
std::string computing_file(const std::string &function_directory, std::string_view key_hex);
std::string manifest_file(const std::string &function_directory);
std::string hit_log_file(const std::string &function_directory);
std::string graph_file(std::string_view cache_dir);

// A fresh name beside final_path for writing it, unique among the hosts sharing the
// directory (NFS) and the processes and threads of each.
std::string temporary_file(const std::string &final_path);

// Who writes a temporary file, as its name says: pid 0 when the name does not say.
struct temporary_writer {
  std::string host;
  long pid = 0;
};
temporary_writer writer_of_temporary(const std::string &name);
// This host's name as temporary names carry it.
const std::string &this_host();

// "<name>-<8 hex digits>", as function_site makes them.
bool is_function_directory(const std::string &name);
// "<32 hex>.cpy"
bool is_entry_name(const std::string &name);
// The key hex of a lock file's name, or "" when name is not one.
std::string_view lock_name_key(std::string_view name);
// "<an entry's, the manifest's or hits.log's name>.tmp.<host>.<pid>.<hex>"
bool is_temporary_name(const std::string &name);
// Any name the runtime makes inside a function directory.
bool is_function_file(const std::string &name);
// Any name the runtime makes directly in the cache directory (besides function directories).
bool is_cache_file(const std::string &name);

} // namespace cachepy::detail::layout

#endif
