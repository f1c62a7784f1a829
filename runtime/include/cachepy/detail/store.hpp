#ifndef CACHEPY_DETAIL_STORE_HPP
#define CACHEPY_DETAIL_STORE_HPP

// The local file store: one file per entry, <cache_dir>/<function dir>/<key hex>.cpy.
// Neither call throws; a failure is a miss (load) or a warning (save).

#include "function_site.hpp"
#include "key.hpp"

#include <string>
#include <string_view>

namespace cachepy::detail {

struct entry_address {
  std::string cache_dir;
  std::string directory; // the function's directory
  std::string file;      // the entry's path inside it
};

entry_address address_of(std::string_view cache_dir, std::string_view function_dir,
                         const key &k);

enum class load_result { hit, absent, damaged };

// Fills payload with the stored bytes when a valid entry for k exists. A hit on an
// entry last used more than a day ago refreshes its modification time.
load_result load_entry(const entry_address &where, const key &k, backend format,
                       std::string &payload) noexcept;

// How hard a store insists that the entry reaches the disk before it counts:
// none (the default) survives the process being killed at any instant; file adds
// fsync of the entry; full also fsyncs the directory, surviving power loss.
enum class durability { none, file, full };

void save_entry(const entry_address &where, const key &k, backend format,
                std::string_view payload, durability level = durability::none) noexcept;

// Removes temporaries of dead writers and unheld locks (with their .computing);
// returns how many files it removed.
std::size_t remove_stale_debris(const std::string &directory) noexcept;

} // namespace cachepy::detail

#endif
