#ifndef CACHEPY_STORAGE_LOCAL_LAYOUT_HPP
#define CACHEPY_STORAGE_LOCAL_LAYOUT_HPP

// Every name the local store gives a file, in one place:
//   <cache dir>/graph.tsv                          the call graph
//   <cache dir>/<function dir>/<key hex>.cpy       an entry
//   <cache dir>/<function dir>/<key hex>.lock      single flight (flock)
//   <cache dir>/<function dir>/<key hex>.computing its holder's pid, for people
//   <cache dir>/<function dir>/manifest            what the newest entry was computed under
//   <cache dir>/<function dir>/hits.log            hit counts of exited processes
//   <any of these>.tmp.<pid>.<random>              a write in progress
// The listing (inspect) and the debris cleaner recognize exactly these names.

#include <cachepy/detail/key.hpp>

#include <string>
#include <string_view>

namespace cachepy::detail::layout {

std::string function_directory(std::string_view cache_dir, std::string_view function_dir);
std::string entry_file(const std::string &function_directory, const key &k);
std::string entry_file(const std::string &function_directory, std::string_view key_hex);
std::string lock_file(const std::string &function_directory, std::string_view key_hex);
std::string computing_file(const std::string &function_directory, std::string_view key_hex);
std::string manifest_file(const std::string &function_directory);
std::string hit_log_file(const std::string &function_directory);
std::string graph_file(std::string_view cache_dir);

// A fresh name beside final_path for writing it, unique among the processes and
// threads writing there.
std::string temporary_file(const std::string &final_path);

// "<name>-<8 hex digits>", as function_site makes them.
bool is_function_directory(const std::string &name);
// "<32 hex>.cpy"
bool is_entry_name(const std::string &name);
// The key hex of a lock file's name, or "" when name is not one.
std::string_view lock_name_key(std::string_view name);
bool is_temporary_name(const std::string &name);
// Any name the runtime makes inside a function directory.
bool is_function_file(const std::string &name);
// Any name the runtime makes directly in the cache directory (besides function directories).
bool is_cache_file(const std::string &name);

} // namespace cachepy::detail::layout

#endif
