#include "remote_backend.hpp"

#include "http_storage.hpp"
#include "redis_storage.hpp"
#include "remote_record.hpp"

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

std::string record_name(const entry_id &id) { return id.k.hex(); }

// A lease held while this process computes: renewed in the background, released (if
// still ours) when the computation ends.
class remote_lease final : public backend_lock {
public:
  remote_lease(remote_storage &storage, std::string name, std::string token, int lease_ms)
      : storage_(storage), name_(std::move(name)), token_(std::move(token)),
        lease_ms_(lease_ms), renewer_([this] { renew_until_stopped(); }) {}

  ~remote_lease() override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    stop_requested_.notify_one();
    renewer_.join();
    storage_.unlock(name_, token_);
  }

private:
  // Every third of the lease, so that a holder still computing never loses it.
  void renew_until_stopped() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_requested_.wait_for(lock, std::chrono::milliseconds(lease_ms_ / 3),
                                     [&] { return stopping_; }))
      storage_.renew(name_, token_, lease_ms_);
  }

  remote_storage &storage_;
  std::string name_;
  std::string token_;
  int lease_ms_;
  std::mutex mutex_;
  std::condition_variable stop_requested_;
  bool stopping_ = false;
  std::thread renewer_; // last: started once the rest is ready
};

} // namespace

std::unique_ptr<remote_storage> make_remote_storage(const remote_url &url) {
  if (url.scheme == remote_scheme::http || url.scheme == remote_scheme::https)
    return std::make_unique<http_storage>(url);
  return std::make_unique<redis_storage>(url);
}

std::vector<std::unique_ptr<storage_backend>>
make_remote_backends(const std::vector<std::string> &specs, const std::string &secret) {
  std::vector<std::unique_ptr<storage_backend>> backends;
  for (const std::string &spec : specs) {
    std::string problem;
    std::optional<remote_url> url = parse_remote_url(spec, problem);
    if (!url) {
      log_warning("ignoring remote storage " + problem); // names it without credentials
      continue;
    }
    if (url->secret.empty())
      url->secret = secret;
    backends.push_back(std::make_unique<remote_backend>(std::move(*url)));
  }
  return backends;
}

remote_backend::remote_backend(remote_url url)
    : url_(std::move(url)), storage_(make_remote_storage(url_)) {}

bool remote_backend::usable() const {
  return clock::now().time_since_epoch().count() >= retry_at_.load();
}

void remote_backend::failed(const std::string &problem) {
  retry_at_ = (clock::now() + retry_delay).time_since_epoch().count();
  log_warning_once("remote:" + url_.shown, "remote storage " + url_.shown + ": " + problem +
                                               "; going on without it (retried after 60 s)");
}

std::optional<std::string> remote_backend::load(const entry_id &id) noexcept {
  if (!usable())
    return std::nullopt;
  try {
    remote_reply reply = read_record(*storage_, record_name(id), url_.secret);
    if (reply.ok())
      return std::move(reply.bytes);
    if (reply.status == remote_status::failed)
      failed(reply.problem);
    else if (reply.status == remote_status::damaged)
      log_warning_once("remote-damaged:" + url_.shown,
                       "remote storage " + url_.shown + ": ignoring entry " + record_name(id) +
                           " (" + reply.problem + ")");
  } catch (const std::exception &error) { // memory for an 80 MB value, say
    failed(error.what());
  }
  return std::nullopt;
}

bool remote_backend::save(const entry_id &id, std::string_view entry) noexcept {
  if (url_.read_only || !usable())
    return false;
  try {
    const remote_reply reply = write_record(*storage_, record_name(id), entry, url_.secret);
    if (reply.ok())
      return true;
    failed("cannot store: " + reply.problem);
  } catch (const std::exception &error) {
    failed(std::string("cannot store: ") + error.what());
  }
  return false;
}

std::unique_ptr<backend_lock> remote_backend::lock(const entry_id &id,
                                                   double timeout_seconds) noexcept {
  if (url_.read_only || !usable())
    return nullptr;
  try {
    const std::string name = record_name(id), lock_name = name + ".lock", token = unique_token();
    const int lease_ms = url_.lock_lease_seconds * 1000;
    const auto deadline =
        clock::now() + std::chrono::duration_cast<clock::duration>(
                           std::chrono::duration<double>(std::max(timeout_seconds, 0.0)));
    auto pause = std::chrono::milliseconds(20);
    for (;;) {
      switch (storage_->try_lock(lock_name, token, lease_ms)) {
      case lock_status::taken:
        return std::make_unique<remote_lease>(*storage_, lock_name, token, lease_ms);
      case lock_status::failed:
        failed("cannot take a lock");
        return nullptr;
      case lock_status::unsupported:
        return nullptr;
      case lock_status::held:
        break;
      }
      if (clock::now() >= deadline)
        return nullptr; // computed here too: lock_timeout bounds the wait, not the work
      std::uniform_int_distribution<long> jitter(pause.count() / 2, pause.count() * 3 / 2);
      std::this_thread::sleep_for(std::chrono::milliseconds(jitter(random_source())));
      pause = std::min(pause * 2, std::chrono::milliseconds(500));
      if (storage_->exists(name))
        return nullptr; // the holder's entry: read it
    }
  } catch (const std::exception &error) {
    failed(error.what());
    return nullptr;
  }
}

} // namespace cachepy::detail
