#ifndef CACHEPY_STORAGE_REMOTE_TIER_HPP
#define CACHEPY_STORAGE_REMOTE_TIER_HPP

// The configured remotes as storage backends, from the remote module, which is loaded
// (dlopen) the first time a process configures a remote and never before: a program
// that caches only locally loads no network or TLS library. Where the module is:
// $CACHEPY_REMOTE_MODULE, else where the program's runtime was built to find it (the
// build tree's lib/cachepy/ or the installed one). A module that is missing, not
// trusted, or from another build is one warning; caching goes on locally.

#include "remote/remote_module.hpp"

#include <string>
#include <vector>

namespace cachepy::detail {

remote_backend_list load_remote_backends(const std::vector<std::string> &specs,
                                         const std::string &secret);

// The module's path this program was linked to look for (remote_module_path.cpp).
const char *remote_module_default_path() noexcept;

} // namespace cachepy::detail

#endif
