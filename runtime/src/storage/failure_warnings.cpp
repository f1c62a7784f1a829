#include "failure_warnings.hpp"

#include "remote_backend.hpp"

#include "../logging/logging.hpp"

#include <string>

namespace cachepy::detail {

void warn_once(const storage_failure &failure, std::string_view place) noexcept {
  using kind = storage_failure::kind;
  try {
    const std::string at(place);
    const std::string advice = failure.advice.empty() ? "" : " (" + failure.advice + ")";
    switch (failure.what) {
    case kind::not_writable:
      log_warning_once("store:" + at, failure.detail + "; not caching there");
      return;
    case kind::gave_up_waiting:
      log_warning_once("wait:" + at, "gave up waiting for another process computing an entry in " +
                                         at + "; computing it here too");
      return;
    case kind::damaged_entry:
      log_warning_once("damaged:" + at, "ignoring damaged entry " + at + ": " + failure.detail);
      return;
    case kind::remote_failed:
      log_warning_once("remote:" + at, "remote storage " + at + ": " + failure.detail +
                                           "; going on without it (retried after " +
                                           std::to_string(remote_retry_delay.count()) + " s)");
      return;
    case kind::remote_refused:
      log_warning_once("remote-refused:" + at,
                       "remote storage " + at + ": ignoring " + failure.detail);
      return;
    case kind::malformed_remote:
      log_warning("ignoring remote storage " + failure.detail);
      return;
    case kind::no_remote_module:
      log_warning("remote storage is configured, but the remote module " + failure.detail +
                  "; caching locally only");
      return;
    case kind::untrusted_directory:
      log_warning_once("untrusted:" + at, "not using the cache directory " + at + ": " +
                                              failure.detail + "; running uncached" + advice);
      return;
    }
  } catch (...) {
    // Out of memory for the message: the call goes on all the same.
  }
}

void warn_once(const std::optional<storage_failure> &failure, std::string_view place) noexcept {
  if (failure)
    warn_once(*failure, place);
}

} // namespace cachepy::detail
