#ifndef CACHEPY_STORAGE_STORAGE_HPP
#define CACHEPY_STORAGE_STORAGE_HPP

// The storage facade: what a cached call reads and writes, one entry by key, through
// the tiers in order: this process's memory, the local directory, then the remote
// backends (remote_backends: the configured remote_storage). The call engine sees no path.
// The tiers report what went wrong (storage_failure.hpp); the facade is where a failure
// becomes a warning (failure_warnings.hpp), and where a call goes on regardless.
//
// The remote seam works on whole entry bytes, held in memory from end to end: a
// remote's load() is checked (header, key, checksum) and decoded from those bytes
// (read_entry_from), then kept locally; with remotes, a store encodes the entry once in
// memory (encode_entry), writes it locally and gives each remote's save() the same
// bytes. Nothing pushed or decoded is read back from a path. Remote locks are taken
// after the local one. Adding a kind of remote adds a remote_client pair (storage/remote/) and
// one line in make_remote_client.

#include "remote_backend.hpp"
#include "local/local_storage.hpp"
#include "remote_tier.hpp"

#include <cachepy/detail/function_ref.hpp>
#include <cachepy/detail/function_site.hpp>
#include <cachepy/detail/key.hpp>

#include "../memory/recent_results.hpp"
#include "../config/settings.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cachepy::detail {

// The locks of one computation, released together: the remote ones first (members
// are destroyed last to first).
struct storage_lock {
  std::unique_ptr<backend_lock> local;
  std::vector<std::unique_ptr<backend_lock>> remote;
};

class entry_storage {
public:
  entry_storage(std::string_view cache_dir, const entry_id &id, const settings &config,
                const remote_backend_list &remotes);

  // Memory. A value kept by this process (of any type: the caller checks kept.type);
  // a hit there is a use of the entry, as a disk hit is.
  kept_value recall() noexcept;
  // Whether the local directory may be read and written: false, after one warning
  // naming it, when another user controls it (directory_trust.hpp).
  bool usable() noexcept;
  // Before a load whose value may be remembered: a concurrent forget() since then
  // keeps it out of memory.
  void begin_load() noexcept;
  // Keeps copy() in memory, if the memory layer is on and a value of `size` is worth it
  // (`computed`: by this call, rather than read).
  void remember(std::uint64_t size, bool computed, const void *type,
                function_ref<std::shared_ptr<const void>()> copy) noexcept;
  // After a forced store: memory no longer holds the old value.
  void forget() noexcept;

  // The local entry, else the first remote one that is intact (then kept locally);
  // one written longer than max_age_seconds ago (0: no limit) is expired. A remote whose
  // lease lock() took is not asked: no peer has stored there since (a holder stores
  // before it releases, and a waiter looks for the entry before it takes the lease).
  loaded load(payload_reader read, std::uint64_t max_age_seconds) noexcept;
  // Local first, then each remote; the payload's size, or nothing if not stored locally.
  std::optional<std::uint64_t> save(payload_writer write, durability level);
  // Single flight, locally then on each remote that offers it.
  storage_lock lock(std::chrono::milliseconds timeout) noexcept;

  hit_count *hits() noexcept;
  std::string miss_reason(const function_site &site, const key &context) const;
  void note_stored(const function_site &site, const key &context) noexcept;
  // The entry as named in messages.
  std::string name() const;

private:
  // Said once per place: the local ones name the function directory (or the entry
  // file, when it was damaged), a remote's its URL without credentials.
  void warn(const std::optional<storage_failure> &failure) const noexcept;
  static void warn(const std::optional<storage_failure> &failure,
                   const remote_backend &remote) noexcept;

  std::string_view cache_dir_;
  entry_id id_;
  const settings &config_;
  local_entry local_;
  const remote_backend_list &remotes_;
  std::vector<bool> leased_; // by remote, once lock() ran
  std::uint64_t generation_ = 0;
};

} // namespace cachepy::detail

#endif
