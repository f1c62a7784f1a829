#ifndef CACHEPY_CONFIG_CONFIG_MODULE_HPP
#define CACHEPY_CONFIG_CONFIG_MODULE_HPP

// The configuration file's reader as an on-demand module (lib/cachepy/cachepy-config.so;
// see modules/module_contract.hpp): yaml-cpp is loaded into a process only when it
// reads a configuration file ($CACHEPY_CONFIG, load_config, parse_config).

#include "../modules/module_contract.hpp"

#include <cachepy/api.hpp>

#include <string>
#include <vector>

namespace cachepy::detail {

// Raised with every change to what crosses the boundary (this table, cachepy::config).
inline constexpr int config_module_abi = 2;
inline constexpr const char *config_module_file = "cachepy-config.so";

// What reading a configuration's text gave. A module does not speak: the caller warns.
struct yaml_reading {
  bool ok = false;
  std::string problem;              // why not ok: "<origin>:<line>: ..."
  std::vector<std::string> ignored; // values that only lost themselves, each said why
};

// The settings in `text` (YAML) into `out`, when they are not malformed.
yaml_reading read_yaml_settings(const std::string &text, const std::string &origin,
                                config &out) noexcept;

struct config_module {
  module_header header; // {config_module_abi, the version}
  decltype(&read_yaml_settings) read;
};

} // namespace cachepy::detail

#endif
