#ifndef CACHEPY_STORAGE_REMOTE_HTTP_CLIENT_HPP
#define CACHEPY_STORAGE_REMOTE_HTTP_CLIENT_HPP

// Any HTTP server that takes PUT and answers GET (nginx WebDAV, bazel-remote), with
// libcurl (GET, PUT, HEAD): a value is "<path>/<key-prefix>/<2 hex>/<rest of the name>". HTTP has no
// atomic compare, so it takes no part in single flight.

#include "remote_client.hpp"
#include "remote_url.hpp"

namespace cachepy::detail {

class http_client final : public remote_client {
public:
  explicit http_client(remote_url url);

  remote_reply get(const std::string &name, std::uint64_t limit) override;
  remote_reply put(const std::string &name, std::string_view bytes) override;
  bool exists(const std::string &name) override; // HEAD

private:
  std::string address_of(const std::string &name) const;

  remote_url url_;
};

} // namespace cachepy::detail

#endif
