#include "http_client.hpp"

#include "../../util/regular_file.hpp"

#include <curl/curl.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <mutex>

namespace cachepy::detail {
namespace {

// A GET reply's body, up to `limit` bytes: past it, the transfer is aborted (libcurl
// stops when the write callback takes less than it was given). Other replies' bodies
// (limit 0) are not kept.
struct bounded_body {
  std::string bytes;
  std::uint64_t limit = 0;
  bool too_large = false;
};

std::size_t append_body(char *data, std::size_t size, std::size_t count, void *target) {
  bounded_body &body = *static_cast<bounded_body *>(target);
  if (body.limit == 0)
    return size * count;
  if (size * count > body.limit - body.bytes.size()) {
    body.too_large = true;
    return 0;
  }
  body.bytes.append(data, size * count);
  return size * count;
}

struct easy_deleter {
  void operator()(CURL *handle) const { curl_easy_cleanup(handle); }
};

struct url_deleter {
  void operator()(CURLU *handle) const { curl_url_cleanup(handle); }
};

// libcurl's reason, with its detail ("SSL certificate problem: unable to get local issuer
// certificate") when it gave one.
std::string failure(CURLcode code, const char *detail) {
  std::string reason = curl_easy_strerror(code);
  if (*detail)
    reason += std::string(" (") + detail + ")";
  return reason;
}

// One request: the reply's status and, for GET (limit > 0), its body, damaged when
// longer than `limit` (refused on its Content-Length, or aborted once past it).
// upload: PUT these bytes; head: HEAD; neither: GET.
remote_reply perform(const std::string &address, const remote_url &url,
                     const std::string_view *upload, bool head = false,
                     std::uint64_t limit = 0) {
  static std::once_flag initialized;
  std::call_once(initialized, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  remote_reply result;
  char detail[CURL_ERROR_SIZE] = ""; // outlives the handle that writes it
  const std::unique_ptr<CURL, easy_deleter> handle(curl_easy_init());
  if (!handle) {
    result.problem = "cannot start an HTTP request";
    return result;
  }
  CURL *curl = handle.get();
  curl_easy_setopt(curl, CURLOPT_URL, address.c_str());
  // No redirect is followed, and no other protocol is spoken; certificates are verified
  // (libcurl's default, never turned off), against ca-file= when given.
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  // Read here, as a regular file of at most 1 MiB: libcurl's own open of the path would
  // wait forever on a FIFO placed there.
  std::optional<std::string> ca_bundle;
  if (!url.ca_file.empty()) {
    ca_bundle = read_regular_file(url.ca_file.c_str(), 1 << 20, links::followed);
    if (!ca_bundle) {
      result.problem = std::string("cannot read the ca-file as a regular file of at most "
                                   "1 MiB: ") + std::strerror(errno);
      return result;
    }
    curl_blob blob{ca_bundle->data(), ca_bundle->size(), CURL_BLOB_NOCOPY};
    curl_easy_setopt(curl, CURLOPT_CAINFO_BLOB, &blob);
  }
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, detail);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(url.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS,
                   static_cast<long>((url.connect_timeout + url.operation_timeout).count()));
  bounded_body body;
  body.limit = limit;
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  if (limit != 0)
    curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limit));
  if (head)
    curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  if (upload) {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, upload->data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(upload->size()));
  }
  const CURLcode code = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  if (body.too_large || code == CURLE_FILESIZE_EXCEEDED) {
    result.status = remote_status::damaged;
    result.problem = "a reply larger than " + std::to_string(limit) + " bytes";
  } else if (code != CURLE_OK) {
    result.problem = failure(code, detail);
  } else if (status == 404 && !upload) {
    result.status = remote_status::missing;
  } else if (status >= 200 && status < 300) {
    result.status = remote_status::ok;
    result.bytes = std::move(body.bytes);
  } else {
    result.problem = "HTTP status " + std::to_string(status);
  }
  return result;
}

} // namespace

http_client::http_client(remote_url url) : url_(std::move(url)) {}

// Built by curl_url, so the host (an IPv6 literal too) and the decoded path are encoded
// as libcurl reads them back; empty if it refuses them.
std::string http_client::address_of(const std::string &name) const {
  const std::unique_ptr<CURLU, url_deleter> address(curl_url());
  const std::string path =
      url_.path + "/" + url_.key_prefix + "/" + name.substr(0, 2) + "/" + name.substr(2);
  char *text = nullptr;
  if (!address ||
      curl_url_set(address.get(), CURLUPART_SCHEME,
                   url_.scheme == remote_scheme::https ? "https" : "http", 0) != CURLUE_OK ||
      curl_url_set(address.get(), CURLUPART_HOST, url_host(url_).c_str(), 0) != CURLUE_OK ||
      curl_url_set(address.get(), CURLUPART_PORT, std::to_string(url_.port).c_str(), 0) !=
          CURLUE_OK ||
      curl_url_set(address.get(), CURLUPART_PATH, path.c_str(), CURLU_URLENCODE) != CURLUE_OK ||
      curl_url_get(address.get(), CURLUPART_URL, &text, 0) != CURLUE_OK)
    return {};
  std::string built(text);
  curl_free(text);
  return built;
}

remote_reply http_client::get(const std::string &name, std::uint64_t limit) {
  return perform(address_of(name), url_, nullptr, false, limit);
}

bool http_client::exists(const std::string &name) {
  return perform(address_of(name), url_, nullptr, true).ok();
}

remote_reply http_client::put(const std::string &name, std::string_view bytes) {
  return perform(address_of(name), url_, &bytes);
}

} // namespace cachepy::detail
