#include "remote_tier.hpp"

#include "http_storage.hpp"
#include "redis_storage.hpp"
#include "remote_record.hpp"

#include <cachepy/detail/key.hpp>
#include <cachepy/detail/logging.hpp>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>
#include <unistd.h>

namespace cachepy::detail {
namespace {

using clock = std::chrono::steady_clock;
constexpr auto retry_delay = std::chrono::seconds(60);

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

} // namespace

struct remote_claim::lease {
  lease(remote_storage &storage, std::string name, std::string token, int lease_ms)
      : storage(&storage), name(std::move(name)), token(std::move(token)), lease_ms(lease_ms) {}

  remote_storage *storage;
  std::string name;
  std::string token;
  int lease_ms;
  std::mutex mutex;
  std::condition_variable stop_requested;
  bool stopping = false;
  std::thread renewer;

  // Every third of the lease, so that a holder still computing never loses it.
  void renew_until_stopped() {
    std::unique_lock<std::mutex> lock(mutex);
    while (!stop_requested.wait_for(lock, std::chrono::milliseconds(lease_ms / 3),
                                    [&] { return stopping; }))
      storage->renew(name, token, lease_ms);
  }
};

remote_claim::remote_claim() = default;
remote_claim::remote_claim(remote_claim &&) noexcept = default;
remote_claim &remote_claim::operator=(remote_claim &&) noexcept = default;

remote_claim::~remote_claim() {
  if (!lease_)
    return;
  {
    std::lock_guard<std::mutex> lock(lease_->mutex);
    lease_->stopping = true;
  }
  lease_->stop_requested.notify_one();
  lease_->renewer.join();
  lease_->storage->unlock(lease_->name, lease_->token);
}

std::unique_ptr<remote_storage> make_remote_storage(const remote_url &url) {
  if (url.scheme == remote_scheme::http)
    return std::make_unique<http_storage>(url);
  return std::make_unique<redis_storage>(url);
}

remote_tier::remote_tier(const std::vector<std::string> &specs, const std::string &secret) {
  for (const std::string &spec : specs) {
    std::string problem;
    std::optional<remote_url> url = parse_remote_url(spec, problem);
    if (!url) {
      // The spec itself may hold a password: only its scheme is printed.
      log_warning("ignoring remote storage '" + spec.substr(0, spec.find(':')) + ":...': " +
                  problem);
      continue;
    }
    if (url->secret.empty())
      url->secret = secret;
    auto b = std::make_unique<backend>();
    b->storage = make_remote_storage(*url);
    b->url = std::move(*url);
    backends_.push_back(std::move(b));
  }
}

remote_tier::~remote_tier() = default;

bool remote_tier::usable(const backend &b) const {
  return clock::now().time_since_epoch().count() >= b.retry_at.load();
}

void remote_tier::failed(backend &b, const std::string &problem) {
  b.retry_at = (clock::now() + retry_delay).time_since_epoch().count();
  log_warning_once("remote:" + b.url.shown, "remote storage " + b.url.shown + ": " + problem +
                                                "; going on without it (retried after 60 s)");
}

std::optional<std::string> remote_tier::load(const std::string &name,
                                             function_ref<bool(std::string_view)> valid) {
  for (const auto &b : backends_) {
    if (!usable(*b))
      continue;
    remote_reply reply = read_record(*b->storage, name, b->url.secret);
    if (reply.ok() && !valid(reply.bytes)) {
      reply.status = remote_status::damaged;
      reply.problem = "not a whole entry for this key";
    }
    if (reply.ok())
      return std::move(reply.bytes);
    if (reply.status == remote_status::failed)
      failed(*b, reply.problem);
    else if (reply.status == remote_status::damaged)
      log_warning_once("remote-damaged:" + b->url.shown,
                       "remote storage " + b->url.shown + ": ignoring entry " + name + " (" +
                           reply.problem + ")");
  }
  return std::nullopt;
}

void remote_tier::save(const std::string &name, std::string_view entry) {
  for (const auto &b : backends_) {
    if (b->url.read_only || !usable(*b))
      continue;
    const remote_reply reply = write_record(*b->storage, name, entry, b->url.secret);
    if (!reply.ok())
      failed(*b, "cannot store: " + reply.problem);
  }
}

remote_claim remote_tier::claim(const std::string &name, double timeout_seconds,
                                function_ref<bool()> arrived) {
  remote_claim claim;
  const auto locking = std::find_if(backends_.begin(), backends_.end(), [&](const auto &b) {
    return !b->url.read_only && usable(*b) &&
           b->url.scheme != remote_scheme::http;
  });
  if (locking == backends_.end())
    return claim;
  backend &b = **locking;
  const std::string lock_name = name + ".lock", token = unique_token();
  const int lease_ms = b.url.lock_lease_seconds * 1000;
  const auto deadline =
      clock::now() + std::chrono::duration_cast<clock::duration>(
                         std::chrono::duration<double>(std::max(timeout_seconds, 0.0)));
  auto pause = std::chrono::milliseconds(20);
  for (;;) {
    const lock_status status = b.storage->try_lock(lock_name, token, lease_ms);
    if (status == lock_status::failed) {
      failed(b, "cannot take a lock");
      return claim;
    }
    if (status == lock_status::unsupported)
      return claim;
    if (status == lock_status::taken) {
      // The previous holder may have stored its entry just before releasing.
      if ((claim.arrived_ = arrived())) {
        b.storage->unlock(lock_name, token);
        return claim;
      }
      claim.lease_ = std::make_unique<remote_claim::lease>(*b.storage, lock_name, token, lease_ms);
      remote_claim::lease &lease = *claim.lease_;
      lease.renewer = std::thread([&lease] { lease.renew_until_stopped(); });
      return claim;
    }
    if (clock::now() >= deadline)
      return claim; // computed here too: lock_timeout bounds the wait, not the work
    std::uniform_int_distribution<long> jitter(pause.count() / 2, pause.count() * 3 / 2);
    std::this_thread::sleep_for(std::chrono::milliseconds(jitter(random_source())));
    pause = std::min(pause * 2, std::chrono::milliseconds(500));
    if ((claim.arrived_ = arrived()))
      return claim;
  }
}

} // namespace cachepy::detail
