#include "remote_url.hpp"

#include <charconv>

namespace cachepy::detail {
namespace {

bool parse_int(std::string_view text, int low, int high, int &out) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < low || value > high)
    return false;
  out = value;
  return true;
}

// Letters, digits and -_.: only: nothing a Redis MATCH pattern or a URL path reads
// as more than itself.
bool valid_key_prefix(std::string_view prefix) {
  return !prefix.empty() && prefix.find_first_not_of("abcdefghijklmnopqrstuvwxyz"
                                                     "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                     "0123456789-_.:") == std::string_view::npos;
}

// Bytes, with an optional K, M or G (binary multiples): at least 4K.
bool parse_size(std::string_view text, std::uint64_t &out) {
  int shift = 0;
  if (!text.empty() && std::string_view("KMG").find(text.back()) != std::string_view::npos) {
    shift = 10 * (1 + static_cast<int>(std::string_view("KMG").find(text.back())));
    text.remove_suffix(1);
  }
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value > (~0ull >> shift) ||
      (value << shift) < 4096)
    return false;
  out = value << shift;
  return true;
}

// "host[:port]"; false when the port is not a number in 1..65535 or the host is empty.
bool parse_authority(std::string_view text, std::string &host, int &port) {
  const std::size_t colon = text.rfind(':');
  host = std::string(text.substr(0, colon));
  if (colon != std::string_view::npos && !parse_int(text.substr(colon + 1), 1, 65535, port))
    return false;
  return !host.empty();
}

bool parse_redis(std::string_view rest, remote_url &url, std::string &problem) {
  std::string shown_credentials;
  const std::size_t at = rest.rfind('@');
  if (at != std::string_view::npos) {
    const std::string_view credentials = rest.substr(0, at);
    const std::size_t colon = credentials.find(':');
    if (colon == std::string_view::npos) {
      url.password = std::string(credentials); // redis://password@host
    } else {
      url.user = std::string(credentials.substr(0, colon));
      url.password = std::string(credentials.substr(colon + 1));
    }
    shown_credentials = url.user + ":***@";
    rest.remove_prefix(at + 1);
  }
  const std::size_t slash = rest.find('/');
  url.port = 6379;
  if (!parse_authority(rest.substr(0, slash), url.host, url.port)) {
    problem = "expected redis://[[user:]password@]host[:port][/db]";
    return false;
  }
  if (slash != std::string_view::npos && slash + 1 < rest.size() &&
      !parse_int(rest.substr(slash + 1), 0, 1 << 20, url.database)) {
    problem = "the database must be a number";
    return false;
  }
  url.shown = "redis://" + shown_credentials + std::string(rest);
  return true;
}

bool parse_http(std::string_view rest, remote_url &url, std::string &problem) {
  const std::size_t slash = rest.find('/');
  const std::string_view authority = rest.substr(0, slash);
  url.port = 80;
  if (authority.find('@') != std::string_view::npos || !parse_authority(authority, url.host, url.port)) {
    problem = "expected http://host[:port]/path";
    return false;
  }
  if (slash != std::string_view::npos)
    url.path = std::string(rest.substr(slash));
  while (!url.path.empty() && url.path.back() == '/')
    url.path.pop_back();
  url.shown = "http://" + std::string(rest);
  return true;
}

bool apply_attribute(std::string_view attribute, remote_url &url, std::string &problem) {
  const std::size_t equals = attribute.find('=');
  const std::string_view name = attribute.substr(0, equals);
  const std::string_view value =
      equals == std::string_view::npos ? std::string_view() : attribute.substr(equals + 1);
  bool ok = equals != std::string_view::npos;
  if (name == "read-only")
    ok = ok && (value == "true" || value == "false") && ((url.read_only = value == "true"), true);
  else if (name == "connect-timeout")
    ok = ok && parse_int(value, 1, 3600 * 1000, url.connect_timeout_ms);
  else if (name == "operation-timeout")
    ok = ok && parse_int(value, 1, 3600 * 1000, url.operation_timeout_ms);
  else if (name == "lock-lease")
    ok = ok && parse_int(value, 1, 24 * 3600, url.lock_lease_seconds);
  else if (name == "key-prefix")
    ok = ok && valid_key_prefix(value) && ((url.key_prefix = std::string(value)), true);
  else if (name == "max-entry-size")
    ok = ok && parse_size(value, url.max_entry_size);
  else if (name == "secret")
    ok = ok && !value.empty() && ((url.secret = std::string(value)), true);
  else {
    problem = "unknown attribute '" + std::string(name) +
              "' (expected read-only, connect-timeout, operation-timeout, lock-lease, "
              "key-prefix, secret or max-entry-size)";
    return false;
  }
  if (!ok)
    problem = "bad value for attribute '" + std::string(name) + "'";
  return ok;
}

} // namespace

std::optional<remote_url> parse_remote_url(std::string_view spec, std::string &problem) {
  remote_url url;
  const std::string_view address = spec.substr(0, spec.find('|'));
  bool ok = false;
  if (address.rfind("redis://", 0) == 0) {
    ok = parse_redis(address.substr(8), url, problem);
  } else if (address.rfind("redis+unix:", 0) == 0) {
    url.scheme = remote_scheme::redis_unix;
    std::string_view path = address.substr(11);
    if (path.rfind("//", 0) == 0)
      path.remove_prefix(2);
    url.socket_path = std::string(path);
    url.shown = "redis+unix:" + url.socket_path;
    ok = !path.empty() && path[0] == '/';
    if (!ok)
      problem = "expected redis+unix:/absolute/path";
  } else if (address.rfind("http://", 0) == 0) {
    url.scheme = remote_scheme::http;
    ok = parse_http(address.substr(7), url, problem);
  } else {
    problem = "unknown scheme (expected redis://, redis+unix: or http://)";
  }
  for (std::size_t bar = address.size(); ok && bar < spec.size();) {
    const std::size_t next = std::min(spec.find('|', bar + 1), spec.size());
    ok = apply_attribute(spec.substr(bar + 1, next - bar - 1), url, problem);
    bar = next;
  }
  if (!ok)
    return std::nullopt;
  return url;
}

std::vector<std::string> split_remote_list(std::string_view text) {
  std::vector<std::string> specs;
  std::size_t start = 0;
  while ((start = text.find_first_not_of(" \t\n", start)) != std::string_view::npos) {
    const std::size_t end = std::min(text.find_first_of(" \t\n", start), text.size());
    specs.emplace_back(text.substr(start, end - start));
    start = end;
  }
  return specs;
}

} // namespace cachepy::detail
