#ifndef CACHEPY_STORAGE_REMOTE_BACKEND_HPP
#define CACHEPY_STORAGE_REMOTE_BACKEND_HPP

// A place beyond the local directory where entries are kept: a remote server (the
// remote tier, storage/remote/; the local directory is local/local_storage.hpp's
// local_entry). Backends deal in whole entries, the exact bytes of an entry file
// (header, then payload): what a backend gives, the facade checks (read_entry_from)
// before it decodes or keeps it. None throws or logs: a backend that fails says so in
// its answer (storage_failure.hpp), and is a miss (load) or a skipped copy (save), never
// a failed call. The single-flight lock is shared with the local directory's.

#include <cachepy/detail/function_site.hpp>
#include <cachepy/detail/key.hpp>

#include "storage_failure.hpp"

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace cachepy::detail {

// An entry by key: the function's directory name ("<name>-<8 hex>"), the call's key,
// and the format its value is stored in (which the entry's header records).
struct entry_id {
  std::string_view function_dir;
  key k;
  value_format format;
};

// Held while one process computes an entry; released when destroyed.
class backend_lock {
public:
  virtual ~backend_lock() = default;
};

// Single flight's answer: the lock, or null when none is held (then the caller computes
// anyway).
using lock_outcome = storage_outcome<std::unique_ptr<backend_lock>>;

// How long a remote that failed is left alone: no call waits on a server that is down.
inline constexpr std::chrono::seconds remote_retry_delay{60};

class remote_backend {
public:
  virtual ~remote_backend() = default;

  // The entry's exact bytes, or nothing. Unchecked: the caller verifies them.
  virtual storage_outcome<std::optional<std::string>> load(const entry_id &id) noexcept = 0;
  // Keeps `entry` (a whole entry's bytes) for id; true if it was kept.
  virtual storage_outcome<bool> save(const entry_id &id, std::string_view entry) noexcept = 0;
  // Single flight: blocks until this process may compute id, or until `timeout` passes.
  virtual lock_outcome lock(const entry_id &id, std::chrono::milliseconds timeout) noexcept = 0;
  // Names the backend in warnings (a URL without its password).
  virtual std::string name() const = 0;
};

} // namespace cachepy::detail

#endif
