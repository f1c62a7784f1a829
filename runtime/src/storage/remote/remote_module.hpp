#ifndef CACHEPY_STORAGE_REMOTE_REMOTE_MODULE_HPP
#define CACHEPY_STORAGE_REMOTE_REMOTE_MODULE_HPP

// The remote tier as a module of its own (lib/cachepy/cachepy-remote.so): hiredis,
// libcurl and libcrypto are loaded into a process only when it configures a remote
// (remote_tier.hpp), not at every start of every program built with cachepy. This is
// the contract both sides build from: the runtime passes its voice, the module gives
// the backends. The module is built with the runtime, from the same sources; the ABI
// number and the version name which of them a program may load.

#include "../backend.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cachepy::detail {

// Raised with every change to what crosses the boundary (these declarations, the
// layout of storage_backend, entry_id and key).
inline constexpr int remote_module_abi = 1;

// What the module may ask of the program that loaded it: its one voice on stderr.
struct remote_module_host {
  void (*warning)(std::string_view message);
  void (*warning_once)(const std::string &what, std::string_view message);
};

using remote_backend_list = std::vector<std::unique_ptr<storage_backend>>;

struct remote_module {
  int abi = remote_module_abi;
  const char *version = CACHEPY_VERSION; // the project version both were built at
  // Each spec is "URL|attr=value..."; a malformed one is one warning and left out.
  // `secret` ($CACHEPY_REMOTE_SECRET) signs for remotes without a secret= of their own.
  remote_backend_list (*make_backends)(const std::vector<std::string> &specs,
                                       const std::string &secret) = nullptr;
};

// The module's one exported symbol. Called once per process, before make_backends.
inline constexpr const char *remote_module_entry = "cachepy_remote_module";
using remote_module_entry_function = const remote_module *(const remote_module_host &host);

} // namespace cachepy::detail

#endif
