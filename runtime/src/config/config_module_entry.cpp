// The entry point of cachepy-config.so (see config_module.hpp).

#include "config_module.hpp"

#include "../modules/module_voice.hpp"

extern "C" __attribute__((visibility("default"))) const cachepy::detail::module_header *
cachepy_module(const cachepy::detail::module_host &program) {
  using namespace cachepy::detail;
  speak_through(program);
  static const config_module module{{config_module_abi, CACHEPY_VERSION}, read_yaml_settings};
  return &module.header;
}
