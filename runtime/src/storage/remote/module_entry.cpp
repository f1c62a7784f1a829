// The entry point of cachepy-remote.so (see remote_module.hpp).

#include "signed_remote.hpp"
#include "remote_module.hpp"

#include "../../modules/module_voice.hpp"

extern "C" __attribute__((visibility("default"))) const cachepy::detail::module_header *
cachepy_module(const cachepy::detail::module_host &program) {
  using namespace cachepy::detail;
  speak_through(program);
  static const remote_module module{{remote_module_abi, CACHEPY_VERSION}, make_remote_backends};
  return &module.header;
}
