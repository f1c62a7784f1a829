#ifndef CACHEPY_STORAGE_REMOTE_REMOTE_URL_HPP
#define CACHEPY_STORAGE_REMOTE_REMOTE_URL_HPP

// One remote_storage entry: "URL|attr=value|attr=value", as written in the YAML list
// or in $CACHEPY_REMOTE_STORAGE (blank-separated). The URL is parsed by libcurl's URL API
// and percent-decoded (user, password, path), as are attribute values: a blank, '|', '@'
// or '%' inside any of them is written %20, %7C, %40, %25. Raw blanks and control
// characters are refused, as curl refuses them, so one spelling works in both places.

#include "../storage_failure.hpp"

#include "../../config/remote_list.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cachepy::detail {

inline constexpr std::uint64_t default_max_entry_size = std::uint64_t(1) << 30; // bytes

enum class remote_scheme { redis, redis_unix, http, https };

struct remote_url {
  remote_scheme scheme = remote_scheme::redis;
  std::string host;        // redis, http(s); an IPv6 literal without its brackets
  int port = 0;            // redis (default 6379), http (80), https (443)
  std::string socket_path; // redis+unix
  int database = 0;        // redis
  std::string user;        // redis ACL user; empty: the default user
  std::string password;    // never printed: see display_name
  std::string path;        // http(s): the URL's path, decoded, without a trailing '/'
  std::string shown;       // display_name(*this), what warnings and the CLI print

  bool read_only = false;
  std::chrono::milliseconds connect_timeout{100};
  std::chrono::milliseconds operation_timeout{5000};
  std::chrono::milliseconds lock_lease = std::chrono::seconds(30);
  std::string key_prefix = "cachepy"; // letters, digits and -_.: only
  std::uint64_t max_entry_size = default_max_entry_size; // larger entries are refused
  std::string secret;  // HMAC key; empty: entries are not signed; never printed
  std::string ca_file; // https: a private CA's certificates (PEM), besides the system's
};

// The one way a remote is named in output: scheme://host:port[/db or /path], the
// credentials replaced by "***" (as git's transport_anonymize_url drops them), the
// path percent-encoded so that no byte of it can forge a line.
std::string display_name(const remote_url &url);

// The host as a URL writes it: an IPv6 literal in brackets.
std::string url_host(const remote_url &url);

// Nothing when the URL or an attribute is malformed; then the failure (malformed_remote)
// is one line that names the remote without anything it was given in secret
// ("redis:...: the port ...").
storage_outcome<std::optional<remote_url>> parse_remote_url(std::string_view spec);

} // namespace cachepy::detail

#endif
