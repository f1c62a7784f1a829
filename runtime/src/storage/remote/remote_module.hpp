#ifndef CACHEPY_STORAGE_REMOTE_REMOTE_MODULE_HPP
#define CACHEPY_STORAGE_REMOTE_REMOTE_MODULE_HPP

// The remote tier as an on-demand module (lib/cachepy/cachepy-remote.so; see
// modules/module_contract.hpp): hiredis, libcurl and libcrypto are loaded into a
// process only when it configures a remote (../remote_tier.hpp), not at every start of
// every program built with cachepy.

#include "../remote_backend.hpp"
#include "../../modules/module_contract.hpp"

#include <memory>
#include <string>
#include <vector>

namespace cachepy::detail {

// Raised with every change to what crosses the boundary (this table, the layout of
// remote_backend, entry_id and key).
inline constexpr int remote_module_abi = 2;
inline constexpr const char *remote_module_file = "cachepy-remote.so";

using remote_backend_list = std::vector<std::unique_ptr<remote_backend>>;

struct made_remote_backends {
  remote_backend_list backends;
  std::vector<storage_failure> left_out; // malformed_remote, one per spec left out
};

struct remote_module {
  module_header header; // {remote_module_abi, the version}
  // Each spec is "URL|attr=value..."; a malformed one is left out, and said why.
  // `secret` ($CACHEPY_REMOTE_SECRET) signs for remotes without a secret= of their own.
  made_remote_backends (*make_backends)(const std::vector<std::string> &specs,
                                        const std::string &secret);
};

} // namespace cachepy::detail

#endif
