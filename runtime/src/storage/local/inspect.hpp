#ifndef CACHEPY_STORAGE_LOCAL_INSPECT_HPP
#define CACHEPY_STORAGE_LOCAL_INSPECT_HPP

// A cache directory as the command line sees it: functions, their entries, whether
// each entry reads back intact, and the recorded call graph. Only what the runtime
// makes is listed: function directories and regular files by their exact names
// (layout.hpp). Anything else found there (another name, a symbolic link, a FIFO, a
// folder) makes the directory "foreign", and is neither followed nor entered.

#include <cstddef>
#include <cstdint>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

namespace cachepy::detail {

struct entry_info {
  std::string path;
  std::string key_hex;
  std::uint64_t size = 0;
  std::time_t modified = 0; // last use
  unsigned long hits = 0;    // as recorded in hits.log by processes that exited
};

struct function_info {
  std::string directory; // "<sanitized name>-<8 hex>"
  std::string name;      // the sanitized name
  std::vector<entry_info> entries;
  std::vector<std::string> side_files; // locks, manifest, hits.log, temporaries (paths)
};

struct cache_listing {
  std::vector<function_info> functions;
  std::vector<std::string> foreign; // paths the runtime did not make
};

// Throws std::runtime_error when dir is missing or not a directory.
cache_listing list_cache(const std::string &dir);

// list_cache, refusing (std::runtime_error) a directory that holds anything the runtime
// did not make: a mistyped path must not have its files listed as entries, or removed.
cache_listing open_cache(const std::string &dir);

std::vector<entry_info> all_entries(const cache_listing &listing);
// Days since an entry's last use.
double age_days(std::time_t modified, std::time_t now = std::time(nullptr));
std::uint64_t total_size(const std::vector<entry_info> &entries);

// "" when the entry's header, key and checksum hold; otherwise the problem.
std::string verify_entry(const entry_info &entry);

// The edges of <dir>/graph.tsv, each once, in file order; lines that are not
// "<id>\t<id>" (an id is "<name>:<16 hex>", no control bytes, the line at most
// max_graph_line bytes) are skipped and counted. A graph.tsv that is not a regular
// file is never opened (read as no edges).
struct call_graph_file {
  std::vector<std::pair<std::string, std::string>> edges;
  std::size_t malformed = 0;
};
inline constexpr std::size_t max_graph_line = 64 * 1024;
call_graph_file read_call_graph(const std::string &dir);

} // namespace cachepy::detail

#endif
