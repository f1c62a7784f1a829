#include "signed_remote.hpp"

#include "http_client.hpp"
#include "redis_client.hpp"
#include "entry_signature.hpp"
#include "remote_record.hpp"
#include "../local/entry_format.hpp"

#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>
#include <unistd.h>

namespace cachepy::detail {
namespace {

using clock = std::chrono::steady_clock;

std::mt19937_64 &random_source() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  return random;
}

// Unique across machines and processes: the holder's name for its lease.
std::string unique_token() {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  return std::string(host) + ":" + std::to_string(::getpid()) + ":" +
         key{random_source()(), random_source()()}.hex();
}

// Leases are read from the server: a few hundred bytes at most.
constexpr std::uint64_t longest_lease = 1024;
// How far a lease's signed expiry may be behind this machine's clock (clocks drift).
constexpr std::uint64_t clock_skew_ms = 2000;

std::uint64_t wall_clock_ms() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count());
}

// What a lease's key holds: the token alone without a secret; with one,
// "<token>|<expiry, ms since the epoch>|<hex HMAC of both, bound to the lock's name>",
// so that nobody without the secret makes a lease, and a copy set again later is stale.
std::string lease_value(const std::string &secret, const std::string &name,
                        const std::string &token, std::chrono::milliseconds lease) {
  if (secret.empty())
    return token;
  const std::string body = token + "|" + std::to_string(wall_clock_ms() + lease.count());
  return body + "|" + to_hex(sign_entry(secret, name, body));
}

// Whether `value` is a lease lease_value made under `secret`, and not yet expired.
bool lease_is_valid(const std::string &secret, const std::string &name,
                    const std::string &value) {
  const std::size_t signature = value.rfind('|');
  const std::size_t expiry = signature == std::string::npos || signature == 0
                                 ? std::string::npos
                                 : value.rfind('|', signature - 1);
  if (expiry == std::string::npos)
    return false;
  const std::string body = value.substr(0, signature);
  std::uint64_t expires_ms = 0;
  const char *first = value.data() + expiry + 1, *last = value.data() + signature;
  const auto [end, error] = std::from_chars(first, last, expires_ms);
  return error == std::errc() && end == last &&
         same_in_constant_time(to_hex(sign_entry(secret, name, body)),
                               std::string_view(value).substr(signature + 1)) &&
         expires_ms + clock_skew_ms >= wall_clock_ms();
}

// A lease held while this process computes: renewed in the background, released (if
// still ours) when the computation ends.
class remote_lease final : public backend_lock {
public:
  remote_lease(remote_client &storage, std::string name, std::string token,
               std::string value, std::string secret, std::chrono::milliseconds lease)
      : storage_(storage), name_(std::move(name)), token_(std::move(token)),
        value_(std::move(value)), secret_(std::move(secret)), lease_(lease),
        renewer_([this] { renew_until_stopped(); }) {}

  ~remote_lease() override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    stop_requested_.notify_one();
    renewer_.join();
    storage_.unlock(name_, value_);
  }

private:
  // Every third of the lease, so that a holder still computing never loses it.
  void renew_until_stopped() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_requested_.wait_for(lock, lease_ / 3, [&] { return stopping_; })) {
      std::string renewed = lease_value(secret_, name_, token_, lease_);
      if (storage_.renew(name_, value_, renewed, lease_))
        value_ = std::move(renewed);
    }
  }

  remote_client &storage_;
  std::string name_;
  std::string token_;
  std::string value_; // what the lease's key holds while it is ours
  std::string secret_;
  std::chrono::milliseconds lease_;
  std::mutex mutex_;
  std::condition_variable stop_requested_;
  bool stopping_ = false;
  std::thread renewer_; // last: started once the rest is ready
};

} // namespace

std::unique_ptr<remote_client> make_remote_client(const remote_url &url) {
  if (url.scheme == remote_scheme::http || url.scheme == remote_scheme::https)
    return std::make_unique<http_client>(url);
  return std::make_unique<redis_client>(url);
}

made_remote_backends make_remote_backends(const std::vector<std::string> &specs,
                                          const std::string &secret) {
  made_remote_backends made;
  for (const std::string &spec : specs) {
    storage_outcome<std::optional<remote_url>> parsed = parse_remote_url(spec);
    if (!parsed.value) { // the failure names it without credentials
      made.left_out.push_back(std::move(*parsed.failure));
      continue;
    }
    remote_url &url = *parsed.value;
    if (url.secret.empty())
      url.secret = secret;
    made.backends.push_back(std::make_unique<signed_remote>(std::move(url)));
  }
  return made;
}

signed_remote::signed_remote(remote_url url)
    : url_(std::move(url)), storage_(make_remote_client(url_)),
      secret_suffix_(url_.secret.empty() ? std::string() : "-" + secret_id(url_.secret)) {}

std::string signed_remote::record_name(const entry_id &id) const {
  return id.k.hex() + secret_suffix_;
}

namespace {

storage_failure refused(std::string problem) {
  return {storage_failure::kind::remote_refused, std::move(problem)};
}

} // namespace

bool signed_remote::usable() const {
  return clock::now().time_since_epoch().count() >= retry_at_.load();
}

storage_failure signed_remote::failed(std::string problem) {
  retry_at_ = (clock::now() + remote_retry_delay).time_since_epoch().count();
  return {storage_failure::kind::remote_failed, std::move(problem)};
}

storage_outcome<std::optional<std::string>> signed_remote::load(const entry_id &id) noexcept {
  storage_outcome<std::optional<std::string>> outcome;
  if (!usable())
    return outcome;
  try {
    const std::string name = record_name(id);
    remote_reply reply = read_record(*storage_, name, url_.secret, url_.max_entry_size);
    if (reply.ok()) {
      // Checked here too, so that a damaged entry counts against the server.
      const decoded_entry entry = decode_entry(reply.bytes, id.k, id.format);
      if (entry.ok) {
        outcome.value = std::move(reply.bytes);
        return outcome;
      }
      reply.status = remote_status::damaged;
      reply.problem = entry.problem;
    }
    if (reply.status == remote_status::failed)
      outcome.failure = failed(reply.problem);
    else if (reply.status == remote_status::damaged)
      outcome.failure = failed("entry " + name + ": " + reply.problem);
    else if (reply.status == remote_status::unusable)
      outcome.failure = refused("entry " + name + " (" + reply.problem + ")");
  } catch (const std::exception &error) { // memory for an 80 MB value, say
    try {
      outcome.failure = failed(error.what());
    } catch (...) {
    }
  }
  return outcome;
}

storage_outcome<bool> signed_remote::save(const entry_id &id, std::string_view entry) noexcept {
  storage_outcome<bool> outcome;
  if (url_.read_only || !usable())
    return outcome;
  try {
    if (entry.size() > url_.max_entry_size) {
      outcome.failure = refused("entries above max-entry-size (not stored there)");
      return outcome;
    }
    const remote_reply reply = write_record(*storage_, record_name(id), entry, url_.secret);
    outcome.value = reply.ok();
    if (!reply.ok())
      outcome.failure = failed("cannot store: " + reply.problem);
  } catch (const std::exception &error) {
    try {
      outcome.failure = failed(std::string("cannot store: ") + error.what());
    } catch (...) {
    }
  }
  return outcome;
}

lock_outcome signed_remote::lock(const entry_id &id, std::chrono::milliseconds timeout) noexcept {
  lock_outcome outcome;
  if (url_.read_only || !usable())
    return outcome;
  try {
    const std::string name = record_name(id), lock_name = name + ".lock", token = unique_token();
    const std::string value = lease_value(url_.secret, lock_name, token, url_.lock_lease);
    const auto deadline = clock::now() + std::max(timeout, std::chrono::milliseconds(0));
    auto pause = std::chrono::milliseconds(20);
    for (;;) {
      switch (storage_->try_lock(lock_name, value, url_.lock_lease)) {
      case lock_status::taken:
        outcome.value = std::make_unique<remote_lease>(*storage_, lock_name, token, value,
                                                       url_.secret, url_.lock_lease);
        return outcome;
      case lock_status::failed:
        outcome.failure = failed("cannot take a lock");
        return outcome;
      case lock_status::unsupported:
        return outcome;
      case lock_status::held:
        if ((outcome.failure = forged_lease(lock_name)))
          return outcome; // computed here, without waiting
        break;
      }
      if (clock::now() >= deadline)
        return outcome; // computed here too: lock_timeout bounds the wait, not the work
      std::uniform_int_distribution<long> jitter(pause.count() / 2, pause.count() * 3 / 2);
      std::this_thread::sleep_for(std::chrono::milliseconds(jitter(random_source())));
      pause = std::min(pause * 2, std::chrono::milliseconds(500));
      if (storage_->exists(name))
        return outcome; // the holder's entry: read it
    }
  } catch (const std::exception &error) {
    try {
      outcome.failure = failed(error.what());
    } catch (...) {
    }
    return outcome;
  }
}

std::optional<storage_failure> signed_remote::forged_lease(const std::string &lock_name) {
  if (url_.secret.empty())
    return std::nullopt;
  const remote_reply held = storage_->get(lock_name, longest_lease);
  if (held.status == remote_status::missing || held.status == remote_status::failed ||
      (held.ok() && lease_is_valid(url_.secret, lock_name, held.bytes)))
    return std::nullopt;
  return refused("a lease without a valid signature (or a stale one) on " + lock_name +
                 "; computing without waiting for it");
}

} // namespace cachepy::detail
