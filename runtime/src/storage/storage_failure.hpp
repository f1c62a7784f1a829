#ifndef CACHEPY_STORAGE_STORAGE_FAILURE_HPP
#define CACHEPY_STORAGE_STORAGE_FAILURE_HPP

// What went wrong in a storage tier, carried up as a value. The tiers below the facade
// (local/, remote/) neither log nor throw a failure; the facade is the one place that
// decides what it means (failure_warnings.hpp: a warning said once, and the call goes
// on), as ccache's storage carries its Failure up to one place.

#include <optional>
#include <string>

namespace cachepy::detail {

struct storage_failure {
  enum class kind : unsigned char {
    not_writable,    // a local directory that cannot be created, written or locked in
    gave_up_waiting, // another process was still computing the entry at lock_timeout
    damaged_entry,   // bytes that are not a whole entry for this key
    remote_failed,   // a remote that failed or sent garbage: left alone a while
    remote_refused,  // a remote's value or lease this machine does not use; still used
    malformed_remote, // a remote's spec that cannot be used: left out
    no_remote_module, // remotes configured, but their module cannot be loaded
    untrusted_directory, // a cache directory another user controls: not used
  };

  kind what;
  // What was tried and why it failed ("cannot write in DIR: No space left on device"),
  // without credentials.
  std::string detail;
  // How a user would fix it, when saying so helps.
  std::string advice = {};
};

// A tier's answer, and what went wrong on the way, if anything.
template <class Value> struct storage_outcome {
  Value value{};
  std::optional<storage_failure> failure;
};

} // namespace cachepy::detail

#endif
