#ifndef CACHEPY_STORAGE_REMOTE_REMOTE_RECORD_HPP
#define CACHEPY_STORAGE_REMOTE_REMOTE_RECORD_HPP

// How an entry's bytes (exactly a local entry file) are kept on a remote: a record
// header, the signature when there is a secret, then the entry; or, above the chunk
// size, chunks "<name>.<i>" written first and a manifest record under <name> last, so
// that a reader who sees the manifest finds the chunks (a missing one makes the entry
// damaged: a miss, warned about).
// Nothing read from the server is trusted to size an allocation.

#include "remote_client.hpp"
#include "remote_url.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cachepy::detail {

inline constexpr std::size_t default_chunk_size = std::size_t(8) << 20;

remote_reply write_record(remote_client &storage, const std::string &name,
                          std::string_view entry, std::string_view secret,
                          std::size_t chunk_size = default_chunk_size);

// ok: bytes holds the entry (its signature checked when there is a secret; its own
// header and checksum are the caller's to check); missing; failed; damaged; unusable
// (see remote_status). No reply longer than a whole record of one chunk is read, and
// no entry above max_entry_size.
remote_reply read_record(remote_client &storage, const std::string &name,
                         std::string_view secret,
                         std::uint64_t max_entry_size = default_max_entry_size);

} // namespace cachepy::detail

#endif
