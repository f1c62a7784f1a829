#ifndef CACHEPY_MODULES_MODULE_CONTRACT_HPP
#define CACHEPY_MODULES_MODULE_CONTRACT_HPP

// What the runtime and its on-demand modules (lib/cachepy/cachepy-<name>.so) agree on.
// A module holds what only some runs use and what would cost every run its libraries
// and start-up: the remote tier (hiredis, libcurl, libcrypto) and the configuration
// file's reader (yaml-cpp). The runtime loads one the first time a run needs it
// (module_loader.hpp); each exports one function, `cachepy_module`, which returns the
// module's table, whose first member is this header. A module does not speak: what goes
// wrong inside it is returned, and the runtime says it (one voice, one "warned once").
// Modules are built with the runtime, from the same sources: the ABI number and the
// version name which of them a program may load.

#include <string>
#include <string_view>

namespace cachepy::detail {

struct module_header {
  int abi;             // the module's own contract's number (remote_module_abi, ...)
  const char *version; // the project version it was built at
};

inline constexpr const char *module_entry_name = "cachepy_module";
using module_entry_function = const module_header *();

} // namespace cachepy::detail

#endif
