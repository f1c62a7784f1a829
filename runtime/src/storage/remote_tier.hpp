#ifndef CACHEPY_STORAGE_REMOTE_TIER_HPP
#define CACHEPY_STORAGE_REMOTE_TIER_HPP

// The configured remotes as storage backends, from the remote module, which is loaded
// the first time a process configures a remote and never before: a program that caches
// only locally loads no network or TLS library. A module that is missing, not trusted,
// or from another build is one warning; caching goes on locally.

#include "remote/remote_module.hpp"

#include "../config/settings.hpp"

#include <string>
#include <vector>

namespace cachepy::detail {

remote_backend_list load_remote_backends(const std::vector<std::string> &specs,
                                         const std::string &secret);

// The remotes that `config` describes, in the order they are tried: built the first
// time a call uses these settings, then kept with them (settings are never freed).
const remote_backend_list &remote_backends(const settings &config);

} // namespace cachepy::detail

#endif
