// The configuration's text (YAML), as the configuration module reads what load_config,
// parse_config and CACHEPY_CONFIG give it (linked in here, not loaded); a malformed one
// is a problem reported, anything else a finding.

#include "config/config_module.hpp"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  cachepy::config cfg;
  cachepy::detail::read_yaml_settings(std::string(reinterpret_cast<const char *>(data), size),
                                      "fuzz", cfg);
  return 0;
}
