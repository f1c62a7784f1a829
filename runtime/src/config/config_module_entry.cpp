// The entry point of cachepy-config.so (see config_module.hpp).

#include "config_module.hpp"

extern "C" __attribute__((visibility("default"))) const cachepy::detail::module_header *
cachepy_module() {
  using namespace cachepy::detail;
  static const config_module module{{config_module_abi, CACHEPY_VERSION}, read_yaml_settings};
  return &module.header;
}
