#include "remote_url.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <memory>

namespace cachepy::detail {
namespace {

constexpr std::string_view unix_prefix = "redis+unix:";

bool parse_int(std::string_view text, int low, int high, int &out) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < low || value > high)
    return false;
  out = value;
  return true;
}

// A whole number of Units, as the attribute is written (ms for a timeout, s for the lease).
template <class Unit>
bool parse_duration(std::string_view text, int low, int high, std::chrono::milliseconds &out) {
  int count = 0;
  if (!parse_int(text, low, high, count))
    return false;
  out = Unit(count);
  return true;
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

int hex_digit(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

// Strict: every '%' is followed by two hex digits.
bool percent_decode(std::string_view text, std::string &out) {
  out.clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size())
      return false;
    const int high = hex_digit(text[i + 1]), low = hex_digit(text[i + 2]);
    if (high < 0 || low < 0)
      return false;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return true;
}

// Everything but unreserved characters, '/' and the IPv6 host's ":[]": a name printed this
// way cannot break a line or a JSON string.
std::string percent_encoded(std::string_view text) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || std::string_view("-._~/:[]").find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += '%';
      out += digits[byte >> 4];
      out += digits[byte & 15];
    }
  }
  return out;
}

const char *scheme_name(remote_scheme scheme) {
  switch (scheme) {
  case remote_scheme::redis:
    return "redis";
  case remote_scheme::redis_unix:
    return "redis+unix";
  case remote_scheme::http:
    return "http";
  case remote_scheme::https:
    return "https";
  }
  return "";
}

struct url_deleter {
  void operator()(CURLU *handle) const { curl_url_cleanup(handle); }
};

bool absent(CURLUcode code) {
  switch (code) {
  case CURLUE_NO_USER:
  case CURLUE_NO_PASSWORD:
  case CURLUE_NO_PORT:
  case CURLUE_NO_QUERY:
  case CURLUE_NO_FRAGMENT:
  case CURLUE_NO_ZONEID:
    return true;
  default:
    return false;
  }
}

// One part of a parsed URL, percent-decoded; empty when the URL has none. Empty result,
// `problem` set: the part does not decode (a control character, say).
std::string part(CURLU *url, CURLUPart which, std::string &problem) {
  char *text = nullptr;
  const CURLUcode code = curl_url_get(url, which, &text, CURLU_URLDECODE);
  if (code != CURLUE_OK) {
    if (!absent(code))
      problem = curl_url_strerror(code);
    return {};
  }
  std::string value(text);
  curl_free(text);
  return value;
}

// redis://[[user:]password@]host[:port][/db]: a lone "name@" is the password.
std::string read_redis(CURLU *handle, remote_url &url) {
  std::string problem;
  const std::string path = part(handle, CURLUPART_PATH, problem);
  if (path.size() > 1 && !parse_int(path.substr(1), 0, 1 << 20, url.database))
    return "the database must be a number";
  if (url.password.empty())
    std::swap(url.user, url.password);
  return problem;
}

// http(s)://host[:port]/path; credentials would be sent in clear over http, and nothing
// takes them yet.
std::string read_http(CURLU *handle, remote_url &url) {
  if (!url.user.empty() || !url.password.empty())
    return "expected http://host[:port]/path (no user or password)";
  std::string problem;
  url.path = part(handle, CURLUPART_PATH, problem);
  while (!url.path.empty() && url.path.back() == '/')
    url.path.pop_back();
  return problem;
}

std::string read_unix(std::string_view rest, remote_url &url) {
  url.scheme = remote_scheme::redis_unix;
  if (rest.rfind("//", 0) == 0)
    rest.remove_prefix(2);
  if (!percent_decode(rest, url.socket_path) || url.socket_path.empty() ||
      url.socket_path[0] != '/')
    return "expected redis+unix:/absolute/path";
  return {};
}

// The URL before the first '|'; empty when it parsed. redis+unix is read by hand: curl
// reads "redis+unix:/run/redis.sock" as host "run".
std::string read_address(std::string_view address, remote_url &url) {
  if (address.rfind(unix_prefix, 0) == 0)
    return read_unix(address.substr(unix_prefix.size()), url);
  const std::unique_ptr<CURLU, url_deleter> handle(curl_url());
  if (!handle)
    return "out of memory";
  const CURLUcode code = curl_url_set(handle.get(), CURLUPART_URL,
                                      std::string(address).c_str(), CURLU_NON_SUPPORT_SCHEME);
  if (code != CURLUE_OK)
    return curl_url_strerror(code);
  std::string problem;
  const std::string scheme = part(handle.get(), CURLUPART_SCHEME, problem);
  const std::string query = part(handle.get(), CURLUPART_QUERY, problem);
  const std::string fragment = part(handle.get(), CURLUPART_FRAGMENT, problem);
  const std::string zone = part(handle.get(), CURLUPART_ZONEID, problem);
  const std::string port = part(handle.get(), CURLUPART_PORT, problem);
  url.host = part(handle.get(), CURLUPART_HOST, problem);
  url.user = part(handle.get(), CURLUPART_USER, problem);
  url.password = part(handle.get(), CURLUPART_PASSWORD, problem);
  // libcurl passes an undecodable '%' through as text: checked here, strictly, so that
  // "pw%ZZ" is a malformed URL rather than a password nobody meant.
  for (const CURLUPart credential : {CURLUPART_USER, CURLUPART_PASSWORD}) {
    char *raw = nullptr;
    std::string decoded;
    if (curl_url_get(handle.get(), credential, &raw, 0) == CURLUE_OK) {
      const bool strict = percent_decode(raw, decoded);
      curl_free(raw);
      if (!strict)
        return "an undecodable '%' in the user or password (a '%' itself is written %25)";
    }
  }
  if (!problem.empty())
    return problem;
  if (url.host.size() > 2 && url.host.front() == '[')
    url.host = url.host.substr(1, url.host.size() - 2);
  if (!query.empty() || !fragment.empty() || !zone.empty())
    return "a remote URL has no ?query, #fragment or IPv6 zone";
  url.scheme = scheme == "redis"  ? remote_scheme::redis
               : scheme == "http" ? remote_scheme::http
                                  : remote_scheme::https;
  url.port = url.scheme == remote_scheme::redis ? 6379
             : url.scheme == remote_scheme::http ? 80
                                                 : 443;
  if (!port.empty() && !parse_int(port, 1, 65535, url.port))
    return "the port must be a number in 1..65535";
  return url.scheme == remote_scheme::redis ? read_redis(handle.get(), url)
                                            : read_http(handle.get(), url);
}

bool valid_key_prefix(std::string_view value) {
  return !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("-_.:").find(c) != std::string_view::npos;
  });
}

// Empty when the attribute applied. A problem names a known attribute, never what was
// written: after "secret=a|b", "b" is part of the secret.
std::string apply_attribute(std::string_view attribute, int position, remote_url &url) {
  const std::size_t equals = attribute.find('=');
  const std::string where = "attribute " + std::to_string(position);
  std::string value;
  if (equals == std::string_view::npos || !percent_decode(attribute.substr(equals + 1), value))
    return where + " is not name=value (a '|' or blank inside a value is written %7C, %20)";
  const std::string_view name = attribute.substr(0, equals);
  bool ok = true;
  if (name == "read-only")
    ok = (value == "true" || value == "false") && ((url.read_only = value == "true"), true);
  else if (name == "connect-timeout")
    ok = parse_duration<std::chrono::milliseconds>(value, 1, 3600 * 1000, url.connect_timeout);
  else if (name == "operation-timeout")
    ok = parse_duration<std::chrono::milliseconds>(value, 1, 3600 * 1000, url.operation_timeout);
  else if (name == "lock-lease")
    ok = parse_duration<std::chrono::seconds>(value, 1, 24 * 3600, url.lock_lease);
  else if (name == "key-prefix")
    ok = valid_key_prefix(value) && ((url.key_prefix = value), true);
  else if (name == "max-entry-size")
    ok = parse_size(value, url.max_entry_size);
  else if (name == "secret")
    ok = !value.empty() && ((url.secret = value), true);
  else if (name == "ca-file")
    ok = !value.empty() && url.scheme == remote_scheme::https && ((url.ca_file = value), true);
  else
    return where + " is unknown (expected read-only, connect-timeout, operation-timeout, "
                   "lock-lease, key-prefix, secret, ca-file or max-entry-size)";
  if (!ok)
    return "bad value for attribute '" + std::string(name) + "'";
  return {};
}

} // namespace

std::string url_host(const remote_url &url) {
  return url.host.find(':') == std::string::npos ? url.host : "[" + url.host + "]";
}

std::string display_name(const remote_url &url) {
  if (url.scheme == remote_scheme::redis_unix)
    return std::string(unix_prefix) + percent_encoded(url.socket_path);
  std::string shown = std::string(scheme_name(url.scheme)) + "://";
  if (!url.user.empty() || !url.password.empty())
    shown += ":***@";
  shown += percent_encoded(url_host(url)) + ":" + std::to_string(url.port);
  if (url.scheme == remote_scheme::redis)
    return url.database ? shown + "/" + std::to_string(url.database) : shown;
  return shown + percent_encoded(url.path);
}

storage_outcome<std::optional<remote_url>> parse_remote_url(std::string_view spec) {
  storage_outcome<std::optional<remote_url>> parsed;
  remote_url url;
  const std::size_t bar = std::min(spec.find('|'), spec.size());
  const std::string_view address = spec.substr(0, bar);
  std::string reason;
  if (std::any_of(spec.begin(), spec.end(), [](char c) {
        return static_cast<unsigned char>(c) <= ' ' || c == '\x7f';
      }))
    reason = "a blank or control character (write a blank inside a value as %20)";
  else if (!known_scheme(address))
    reason = "unknown scheme (expected redis://, redis+unix:, http:// or https://; a blank "
             "separates remotes, inside a value it is written %20)";
  else if (spec.find('@', bar) != std::string_view::npos) // "redis://:pass|word@host"
    reason = "an '@' after '|' (write a '|' inside the URL as %7C, an '@' in a value as %40)";
  else
    reason = read_address(address, url);
  // Beyond here the address parsed, so it is a host, never a piece of a password.
  const bool named = reason.empty();
  int position = 1;
  for (std::size_t at = bar; reason.empty() && at < spec.size(); ++position) {
    const std::size_t next = std::min(spec.find('|', at + 1), spec.size());
    reason = apply_attribute(spec.substr(at + 1, next - at - 1), position, url);
    at = next;
  }
  if (!reason.empty()) {
    const std::string scheme(address.substr(0, address.find(':')));
    parsed.failure = storage_failure{
        storage_failure::kind::malformed_remote,
        (named ? display_name(url) : known_scheme(address) ? scheme + ":..." : "'...'") + ": " +
            reason};
    return parsed;
  }
  url.shown = display_name(url);
  parsed.value = std::move(url);
  return parsed;
}

} // namespace cachepy::detail
