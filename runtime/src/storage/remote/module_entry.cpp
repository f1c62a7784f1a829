// The entry point of cachepy-remote.so (see remote_module.hpp), and the runtime's
// voice inside it: the module's warnings go through the program's own logger, so that
// "warned once" holds across both.

#include "remote_backend.hpp"
#include "remote_module.hpp"

#include <cachepy/detail/logging.hpp>

namespace cachepy::detail {
namespace {

const remote_module_host *host = nullptr; // set by the entry point, before any backend

} // namespace

void log_warning(std::string_view message) { host->warning(message); }

void log_warning_once(const std::string &what, std::string_view message) {
  host->warning_once(what, message);
}

} // namespace cachepy::detail

extern "C" __attribute__((visibility("default"))) const cachepy::detail::remote_module *
cachepy_remote_module(const cachepy::detail::remote_module_host &host) {
  using namespace cachepy::detail;
  static const remote_module module{remote_module_abi, CACHEPY_VERSION, make_remote_backends};
  ::cachepy::detail::host = &host;
  return &module;
}
