#ifndef CACHEPY_STORAGE_REMOTE_REMOTE_URL_HPP
#define CACHEPY_STORAGE_REMOTE_REMOTE_URL_HPP

// One remote_storage entry: "URL|attr=value|attr=value", as written in the YAML list
// or in $CACHEPY_REMOTE_STORAGE (space-separated).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cachepy::detail {

inline constexpr std::uint64_t default_max_entry_size = std::uint64_t(1) << 30; // bytes

enum class remote_scheme { redis, redis_unix, http };

struct remote_url {
  remote_scheme scheme = remote_scheme::redis;
  std::string host;        // redis, http
  int port = 0;            // redis (default 6379), http (default 80)
  std::string socket_path; // redis+unix
  int database = 0;        // redis
  std::string user;        // redis ACL user; empty: the default user
  std::string password;    // never printed: see `shown`
  std::string path;        // http: the URL's path, without a trailing '/'
  std::string shown;       // the URL as warnings print it, password replaced by "***"

  bool read_only = false;
  int connect_timeout_ms = 100;
  int operation_timeout_ms = 5000;
  int lock_lease_seconds = 30;
  std::string key_prefix = "cachepy"; // letters, digits and -_.: only
  std::uint64_t max_entry_size = default_max_entry_size; // larger entries are refused
  std::string secret; // HMAC key; empty: entries are not signed
};

// Nothing, with `problem` set, when the URL or an attribute is malformed.
std::optional<remote_url> parse_remote_url(std::string_view spec, std::string &problem);

// Splits $CACHEPY_REMOTE_STORAGE's value on blanks.
std::vector<std::string> split_remote_list(std::string_view text);

} // namespace cachepy::detail

#endif
