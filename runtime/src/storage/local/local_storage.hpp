#ifndef CACHEPY_STORAGE_LOCAL_LOCAL_STORAGE_HPP
#define CACHEPY_STORAGE_LOCAL_LOCAL_STORAGE_HPP

// The local directory: one file per entry, named by layout.hpp. Entries are streamed
// to and from their files (the process's own reads and writes), or moved as whole
// bytes (what remote backends fetch and store). Nothing here logs or throws a storage
// problem: a read that fails is a miss saying why (loaded), a write that fails returns a
// storage_failure, and the facade decides what to say.

#include "../remote_backend.hpp"
#include "../storage_failure.hpp"

#include <cachepy/detail/function_ref.hpp>

#include "hit_counter.hpp"
#include "../../config/durability.hpp"

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

// damaged: the file is not a whole entry for this key and format (then removed; the
// problem says why);
// unreadable: it is, but `read` failed on its payload (the value's type has changed);
// expired: it was written longer ago than max_age (left for the next store to replace).
enum class load_result { hit, absent, damaged, unreadable, expired };

struct loaded {
  load_result result = load_result::absent;
  std::uint64_t payload_size = 0;
  std::string problem; // for damaged and unreadable
  std::string remote;  // for a hit that came from a remote: its name
};

using payload_reader = function_ref<void(std::istream &, std::uint64_t payload_size)>;
using payload_writer = function_ref<void(std::ostream &)>;

// Gives the payload of the entry for k to `read` as a stream, and verifies the
// checksum as the bytes pass; a hit only if every check passed and `read` returned
// normally (what it decoded from a damaged entry must then be discarded). A hit on an
// entry last used more than a day ago refreshes its modification time. A max_age_seconds
// other than 0 makes an older entry expired, unread.
loaded load_entry(const entry_address &where, const key &k, value_format format,
                  payload_reader read, std::uint64_t max_age_seconds = 0) noexcept;

// Stores what `write` puts in the stream as the entry for k, and returns the payload's
// size; or stores nothing and returns why (not_writable). An exception from `write`
// propagates after the partial file is removed.
storage_outcome<std::uint64_t> save_entry(const entry_address &where, const key &k,
                                          value_format format, payload_writer write,
                                          durability level = durability::none);

// The whole entry for k (header, then what `write` puts in the stream), in memory: a
// store that goes to remotes encodes once, and keeps and pushes these very bytes.
// An exception from `write` propagates.
std::string encode_entry(const key &k, value_format format, payload_writer write);

// Decodes `entry`, whole entry bytes held in memory, once its header, key, format and
// checksum are checked: as load_entry, without a file.
loaded read_entry_from(std::string_view entry, const key &k, value_format format,
                       payload_reader read, std::uint64_t max_age_seconds = 0) noexcept;

// A not_writable failure: "cannot <what> <the function directory>: <why>".
storage_failure cannot_use_directory(const char *what, const entry_address &where,
                                     const std::string &why);

// Creates where.directory (and the cache directory); why not (not_writable) when it
// cannot.
std::optional<storage_failure> make_function_directory(const entry_address &where) noexcept;

// Removes temporaries of dead writers and unheld locks (with their .computing);
// returns how many files it removed.
std::size_t remove_stale_debris(const std::string &directory) noexcept;

// One call's entry in the local directory, and its sidecars. Made for each call (a
// view, no copy: a hit from memory costs no allocation), so cache_dir and the id's
// function_dir must outlive it. Its address is built the first time the call needs it,
// then kept.
class local_entry {
public:
  local_entry(std::string_view cache_dir, const entry_id &id) : cache_dir_(cache_dir), id_(id) {}

  loaded read(payload_reader read, std::uint64_t max_age_seconds = 0) noexcept;
  storage_outcome<std::uint64_t> write(payload_writer write, durability level);
  // Bytes this process encoded (encode_entry) or checked (read_entry_from), written as
  // they are; why not, when nothing was stored.
  std::optional<storage_failure> write_bytes(std::string_view entry, durability level);
  // Marks the entry used, for age-based pruning.
  void touch() noexcept;
  // Single flight: see entry_lock.
  lock_outcome lock(std::chrono::milliseconds timeout) noexcept;
  hit_count *hits() noexcept;

  // Throws only what building the paths may (bad_alloc).
  const entry_address &address() const;

private:
  std::string_view cache_dir_;
  entry_id id_;
  mutable std::optional<entry_address> address_;
};

} // namespace cachepy::detail

#endif
