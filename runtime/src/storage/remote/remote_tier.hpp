#ifndef CACHEPY_STORAGE_REMOTE_REMOTE_TIER_HPP
#define CACHEPY_STORAGE_REMOTE_REMOTE_TIER_HPP

// The remotes of one configuration, in their order, with what makes a failing server
// harmless: a backend that fails is warned about once per process (its URL without
// the password) and left alone for a minute; no call ever fails because of it.

#include "remote_storage.hpp"
#include "remote_url.hpp"

#include <cachepy/detail/function_ref.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cachepy::detail {

// A single-flight lease held on one remote while this process computes an entry,
// renewed in the background and released (if still ours) when the claim ends.
class remote_claim {
public:
  remote_claim();
  remote_claim(remote_claim &&) noexcept;
  remote_claim &operator=(remote_claim &&) noexcept;
  ~remote_claim();

  // True when a peer's entry arrived while waiting: nothing to compute.
  bool arrived() const { return arrived_; }
  // True while this process holds the lease (and so computes the entry).
  bool holds() const { return lease_ != nullptr; }

private:
  friend class remote_tier;
  struct lease;
  std::unique_ptr<lease> lease_;
  bool arrived_ = false;
};

class remote_tier {
public:
  // Each spec is "URL|attr=value..."; a malformed one is one warning and left out.
  // `secret` ($CACHEPY_REMOTE_SECRET) signs for remotes without a secret= of their own.
  remote_tier(const std::vector<std::string> &specs, const std::string &secret);
  ~remote_tier();

  bool empty() const { return backends_.empty(); }

  // The entry `name` from the first remote that has a valid one, in order; `valid`
  // checks the entry bytes (header and checksum for this key and format).
  std::optional<std::string> load(const std::string &name,
                                  function_ref<bool(std::string_view)> valid);
  // To every writable remote.
  void save(const std::string &name, std::string_view entry);

  // Single flight across machines, on the first writable remote that can lock: takes
  // the lease, or waits (backoff with jitter) until `arrived` finds the holder's entry,
  // taking over when the lease vanishes without one. Gives up after timeout_seconds.
  remote_claim claim(const std::string &name, double timeout_seconds,
                     function_ref<bool()> arrived);

private:
  struct backend {
    remote_url url;
    std::unique_ptr<remote_storage> storage;
    std::atomic<std::chrono::steady_clock::rep> retry_at{0};
  };
  bool usable(const backend &b) const;
  void failed(backend &b, const std::string &problem);

  std::vector<std::unique_ptr<backend>> backends_;
};

std::unique_ptr<remote_storage> make_remote_storage(const remote_url &url);

} // namespace cachepy::detail

#endif
