#ifndef CACHEPY_CONFIG_CONFIG_MODULE_HPP
#define CACHEPY_CONFIG_CONFIG_MODULE_HPP

// The configuration file's reader as an on-demand module (lib/cachepy/cachepy-config.so;
// see modules/module_contract.hpp): yaml-cpp is loaded into a process only when it
// reads a configuration file ($CACHEPY_CONFIG, load_config, parse_config).

#include "../modules/module_contract.hpp"

#include <cachepy/api.hpp>

#include <string>

namespace cachepy::detail {

// Raised with every change to what crosses the boundary (this table, cachepy::config).
inline constexpr int config_module_abi = 1;
inline constexpr const char *config_module_file = "cachepy-config.so";

// The settings in `text` (YAML) into `out`; false with `problem` ("<origin>:<line>:
// ...") when they are malformed. A value that only loses itself is one warning.
bool read_yaml_settings(const std::string &text, const std::string &origin, config &out,
                        std::string &problem) noexcept;

struct config_module {
  module_header header; // {config_module_abi, the version}
  decltype(&read_yaml_settings) read;
};

} // namespace cachepy::detail

#endif
