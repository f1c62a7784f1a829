// The entry point of cachepy-remote.so (see remote_module.hpp).

#include "signed_remote.hpp"
#include "remote_module.hpp"

extern "C" __attribute__((visibility("default"))) const cachepy::detail::module_header *
cachepy_module() {
  using namespace cachepy::detail;
  static const remote_module module{{remote_module_abi, CACHEPY_VERSION}, make_remote_backends};
  return &module.header;
}
