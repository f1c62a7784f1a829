#ifndef CACHEPY_API_HPP
#define CACHEPY_API_HPP

// The runtime's public functions: cache maintenance, the call graph, configuration.

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace cachepy {

struct stats {
  std::size_t n_entries = 0;
  double total_size_mb = 0;
};

// Entries under dir (every function's); a missing directory has none. Both calls leave
// alone, with one warning, a directory that holds anything the runtime did not make,
// as `cachepy` refuses it: a mistyped path must not lose its files.
stats cache_stats(const std::string &dir);

// Removes entries not used for days_old days (last use: the file's modification time,
// refreshed by hits at most once a day) and returns how many were removed. Also clears
// what killed processes left behind (temporaries, unheld locks and sentinels).
std::size_t cache_prune(const std::string &dir, double days_old);

struct node {
  std::string fname;             // the function's qualified name
  std::set<std::string> parents; // ids of the cached calls this one was made from
  std::set<std::string> children;
};

// The cached calls made by this process, by id ("<fname>:<short key>"), with the
// edges between a cached call and the cached calls made while its body ran.
std::map<std::string, node> cache_tree_nodes();

struct config {
  std::string cache_dir;              // default cache directory ("" = unset)
  std::string backend = "binary";     // the values' format (YAML `format:`): binary | portable_binary | json
  bool verbose = false;
  std::vector<std::string> env_vars;  // enter every key
  std::string durability = "none";    // none | file (fsync entries) | full (and directories)
  double lock_timeout = 600;          // seconds to wait for a peer computing the same entry
  double memory_mb = 256;             // recent results kept in this process; 0 turns it off
  std::vector<std::string> remote_storage; // "URL|attr=value", tried in order after the local store
  std::uint64_t max_age = 0;          // seconds; older entries (by write time) are recomputed
  // Cache directories used although another user owns or can write in them ("*": any);
  // see docs/trust.md. $CACHEPY_SAFE_DIRECTORIES (':'-separated) adds to them.
  std::vector<std::string> safe_directories;
};

// Thrown by load_config for an unreadable or malformed file; the message names the
// file and, for YAML errors, the line.
struct config_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A regular file of at most 1 MiB (a FIFO or a directory is an error, not a wait).
config load_config(const std::string &path);

// The same from the file's text; `origin` names it in the messages ("<origin>:<line>: ...").
// Throws config_error only.
config parse_config(const std::string &text, const std::string &origin);

// Makes cfg the process-wide defaults. $CACHEPY_CONFIG=path does the same at start-up.
void set_config(const config &cfg);

// The defaults in force now.
config current_config();

} // namespace cachepy

#endif
