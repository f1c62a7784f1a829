#ifndef CACHEPY_STORAGE_REMOTE_SIGNED_REMOTE_HPP
#define CACHEPY_STORAGE_REMOTE_SIGNED_REMOTE_HPP

// One configured remote as a storage backend of the facade: its records (chunks,
// signature) over a Redis or HTTP server, and what makes a failing server harmless: a
// backend that fails says so (the facade warns, naming its URL without the password)
// and is left alone for a minute; no call ever fails because of it.

#include "remote_module.hpp"
#include "remote_client.hpp"
#include "remote_url.hpp"

#include <atomic>
#include <chrono>
#include <memory>
#include <vector>

namespace cachepy::detail {

class signed_remote final : public remote_backend {
public:
  explicit signed_remote(remote_url url);

  // The entry's bytes, its record checked (a signature under the secret, sizes); the
  // entry itself is the caller's to verify.
  storage_outcome<std::optional<std::string>> load(const entry_id &id) noexcept override;
  // Nothing on a read-only remote.
  storage_outcome<bool> save(const entry_id &id, std::string_view entry) noexcept override;
  // Single flight across machines, on a writable remote that can lock (Redis): takes a
  // lease renewed every third of lock-lease while held; or waits, with backoff and
  // jitter, until the lease is free (taken over, as when its holder died) or the entry
  // has appeared (then null: the caller reads it). Null after `timeout`.
  lock_outcome lock(const entry_id &id, std::chrono::milliseconds timeout) noexcept override;
  std::string name() const override { return url_.shown; }

private:
  // "<key's hex>", then "-<secret_id>" when there is a secret.
  std::string record_name(const entry_id &id) const;
  bool usable() const;
  // Failures and damaged replies: the remote is left alone a while.
  storage_failure failed(std::string problem);
  // With a secret: what is wrong with the lease another holds on lock_name, if it is
  // none of ours.
  std::optional<storage_failure> forged_lease(const std::string &lock_name);

  remote_url url_;
  std::unique_ptr<remote_client> storage_;
  std::string secret_suffix_;
  std::atomic<std::chrono::steady_clock::rep> retry_at_{0};
};

std::unique_ptr<remote_client> make_remote_client(const remote_url &url);

// Each spec is "URL|attr=value..."; a malformed one is left out, and said why.
// `secret` ($CACHEPY_REMOTE_SECRET) signs for remotes without a secret= of their own.
made_remote_backends make_remote_backends(const std::vector<std::string> &specs,
                                          const std::string &secret);

} // namespace cachepy::detail

#endif
