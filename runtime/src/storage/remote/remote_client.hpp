#ifndef CACHEPY_STORAGE_REMOTE_REMOTE_CLIENT_HPP
#define CACHEPY_STORAGE_REMOTE_REMOTE_CLIENT_HPP

// One remote server, as the remote tier sees it: named blobs (get, put), plus what
// single flight (locks) and the command line (usage, clear) need. A backend never
// throws; every failure is a `failed` reply with a problem to print.

#include "../storage_failure.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace cachepy::detail {

// damaged: the server answered with bytes no honest writer makes (garbled, forged,
// larger than any record): a miss, and the remote is then treated as failing.
// unusable: a value this machine does not use (a chunk the server evicted, an entry
// signed with no secret here, one above max-entry-size): a miss, warned about once.
enum class remote_status { ok, missing, failed, damaged, unusable };

struct remote_reply {
  remote_status status = remote_status::failed;
  std::string bytes;   // get: the value
  std::string problem; // failed, damaged: what went wrong, without credentials
  bool ok() const { return status == remote_status::ok; }
};

// try_lock: taken by us, held by another (`missing` in status terms is not used).
enum class lock_status { taken, held, failed, unsupported };

// The chunks of one large value, as its manifest describes them: `count` chunks named
// "<name>.<i>", each `chunk_size` bytes but the last, `total` bytes in all.
struct chunk_list {
  std::string name;
  std::uint64_t count = 0;
  std::uint64_t chunk_size = 0;
  std::uint64_t total = 0;
  std::string chunk_name(std::uint64_t i) const { return name + "." + std::to_string(i); }
  std::uint64_t chunk_bytes(std::uint64_t i) const {
    return i + 1 < count ? chunk_size : total - i * chunk_size;
  }
};

// Why get_chunks found a value unusable or damaged, in every backend's words.
inline constexpr const char *chunk_missing = "a chunk is missing";
inline constexpr const char *chunk_wrong_size = "a chunk of the wrong size";

struct remote_usage {
  std::uint64_t entries = 0;
  std::uint64_t bytes = 0;
};

class remote_client {
public:
  virtual ~remote_client() = default;
  // A value longer than `limit` bytes is `damaged`, refused before it is read whole.
  virtual remote_reply get(const std::string &name, std::uint64_t limit) = 0;
  virtual remote_reply put(const std::string &name, std::string_view bytes) = 0;
  // The chunks' bytes, in order, into `value` (total bytes on ok); unusable if one is
  // missing (a manifest promised it), damaged if one has another size. This one gets them one by one; a backend
  // that can ask for several at once does.
  virtual remote_reply get_chunks(const chunk_list &chunks, std::string &value);
  // Whether `name` is there, without fetching it; false also when the server failed.
  virtual bool exists(const std::string &name) = 0;

  // A lease on `name` held as `token` for `lease`, for single flight across
  // machines; backends without atomic compare operations answer `unsupported`.
  virtual lock_status try_lock(const std::string &, const std::string &,
                               std::chrono::milliseconds) {
    return lock_status::unsupported;
  }
  // Extends the lease if `token` still holds it, as `renewed` from now on.
  virtual bool renew(const std::string &, const std::string &, const std::string &,
                     std::chrono::milliseconds) {
    return false;
  }
  // Removes the lock only if `token` still holds it.
  virtual void unlock(const std::string &, const std::string &) {}

  // For `cachepy stats/ls/clear --remote`; entries counts whole values, not chunks.
  virtual storage_outcome<remote_usage> usage() { return cannot_list<remote_usage>(); }
  // How many entries it removed.
  virtual storage_outcome<std::uint64_t> clear() { return cannot_list<std::uint64_t>(); }

private:
  template <class Value> static storage_outcome<Value> cannot_list() {
    return {{}, storage_failure{storage_failure::kind::remote_failed,
                                "this kind of remote cannot list its entries"}};
  }
};

} // namespace cachepy::detail

#endif
