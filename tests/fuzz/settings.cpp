// The configuration's text (YAML), as cachepy::parse_config reads what load_config and
// CACHEPY_CONFIG find in the file; a malformed one is a config_error, anything else a
// finding.

#include <cachepy/api.hpp>

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  try {
    cachepy::parse_config(std::string(reinterpret_cast<const char *>(data), size), "fuzz");
  } catch (const cachepy::config_error &) {
  }
  return 0;
}
