#ifndef CACHEPY_MODULES_MODULE_LOADER_HPP
#define CACHEPY_MODULES_MODULE_LOADER_HPP

// Loads an on-demand module (module_contract.hpp) from $CACHEPY_MODULE_DIR, else from
// where the program's runtime was built to find its modules (the build tree's
// lib/cachepy/ or the installed one). As git's safe.directory does for a repository,
// code is loaded only from a file, and a folder, that nobody but root or this user can
// change. A module stays loaded for the rest of the process.

#include "module_contract.hpp"

#include <string>

namespace cachepy::detail {

// The table of `file_name` (e.g. "cachepy-remote.so") if it loads, is trusted, and
// speaks `abi` at this runtime's version; otherwise null and `problem` says why.
const module_header *load_module(const char *file_name, int abi, std::string &problem);

// The directory this program was linked to look in (module_directory.cpp).
const char *default_module_directory() noexcept;

} // namespace cachepy::detail

#endif
