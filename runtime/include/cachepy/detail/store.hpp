#ifndef CACHEPY_DETAIL_STORE_HPP
#define CACHEPY_DETAIL_STORE_HPP

// The local file store: one file per entry, <cache_dir>/<function dir>/<key hex>.cpy.
// Neither call throws; a failure is a miss (load) or a warning (save).

#include "function_ref.hpp"
#include "function_site.hpp"
#include "key.hpp"

#include <cstdint>
#include <iosfwd>
#include <optional>
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

// damaged: the file is not a whole entry for this key and format (then removed);
// unreadable: it is, but `read` failed on its payload (the value's type has changed);
// expired: it was written longer ago than max_age (left for the next store to replace).
enum class load_result { hit, absent, damaged, unreadable, expired };

struct loaded {
  load_result result = load_result::absent;
  std::uint64_t payload_size = 0;
  std::string problem; // for damaged and unreadable
};

// Gives the payload of the entry for k to `read` as a stream, and verifies the
// checksum as the bytes pass; a hit only if every check passed and `read` returned
// normally (what it decoded from a damaged entry must then be discarded). A hit on an
// entry last used more than a day ago refreshes its modification time. A max_age_seconds
// other than 0 makes an older entry expired, unread.
loaded load_entry(const entry_address &where, const key &k, backend format,
                  function_ref<void(std::istream &, std::uint64_t payload_size)> read,
                  std::uint64_t max_age_seconds = 0) noexcept;

// How hard a store insists that the entry reaches the disk before it counts:
// none (the default) survives the process being killed at any instant; file adds
// fsync of the entry; full also fsyncs the directory, surviving power loss.
enum class durability { none, file, full };

// Stores what `write` puts in the stream as the entry for k, or nothing. I/O problems
// are warnings; an exception from `write` propagates after the partial file is removed.
// Returns the payload's size; nothing when nothing was stored.
std::optional<std::uint64_t> save_entry(const entry_address &where, const key &k, backend format,
                         function_ref<void(std::ostream &)> write,
                         durability level = durability::none);

// Removes temporaries of dead writers and unheld locks (with their .computing);
// returns how many files it removed.
std::size_t remove_stale_debris(const std::string &directory) noexcept;

} // namespace cachepy::detail

#endif
