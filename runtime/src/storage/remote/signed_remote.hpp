#ifndef CACHEPY_STORAGE_REMOTE_SIGNED_REMOTE_HPP
#define CACHEPY_STORAGE_REMOTE_SIGNED_REMOTE_HPP

// One configured remote as a storage backend of the facade: its records (chunks,
// signature) over a Redis or HTTP server, and what makes a failing server harmless: a
// backend that fails is warned about once per process (its URL without the password)
// and left alone for a minute; no call ever fails because of it.

#include "../remote_backend.hpp"
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
  std::optional<std::string> load(const entry_id &id) noexcept override;
  // Nothing on a read-only remote.
  bool save(const entry_id &id, std::string_view entry) noexcept override;
  void touch(const entry_id &) noexcept override {} // servers evict by their own rules
  // Single flight across machines, on a writable remote that can lock (Redis): takes a
  // lease renewed every third of lock-lease while held; or waits, with backoff and
  // jitter, until the lease is free (taken over, as when its holder died) or the entry
  // has appeared (then null: the caller reads it). Null after `timeout`.
  std::unique_ptr<backend_lock> lock(const entry_id &id,
                                     std::chrono::milliseconds timeout) noexcept override;
  std::string name() const override { return url_.shown; }

private:
  // "<key's hex>", then "-<secret_id>" when there is a secret.
  std::string record_name(const entry_id &id) const;
  bool usable() const;
  // Failures and damaged replies: one warning, then the remote is left alone a while.
  void failed(const std::string &problem);
  // Values this machine does not use: one warning, and the remote stays in use.
  void unusable(const std::string &problem);
  // With a secret: whether the lease another holds on lock_name is none of ours.
  bool forged_lease(const std::string &lock_name);

  remote_url url_;
  std::unique_ptr<remote_client> storage_;
  std::string secret_suffix_;
  std::atomic<std::chrono::steady_clock::rep> retry_at_{0};
};

std::unique_ptr<remote_client> make_remote_client(const remote_url &url);

// Each spec is "URL|attr=value..."; a malformed one is one warning and left out.
// `secret` ($CACHEPY_REMOTE_SECRET) signs for remotes without a secret= of their own.
std::vector<std::unique_ptr<remote_backend>>
make_remote_backends(const std::vector<std::string> &specs, const std::string &secret);

} // namespace cachepy::detail

#endif
