// The configuration file (YAML), as cachepy::load_config reads it; a malformed one is
// a config_error, anything else a finding.

#include "scratch.hpp"

#include <cachepy/api.hpp>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  static const std::string path = cachepy::fuzz::scratch_dir() + "/cachepy.yaml";
  cachepy::fuzz::write_file(path, reinterpret_cast<const char *>(data), size);
  try {
    cachepy::load_config(path);
  } catch (const cachepy::config_error &) {
  }
  return 0;
}
