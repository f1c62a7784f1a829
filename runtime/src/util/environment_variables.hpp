#ifndef CACHEPY_UTIL_ENVIRONMENT_VARIABLES_HPP
#define CACHEPY_UTIL_ENVIRONMENT_VARIABLES_HPP

// Every environment variable cachepy reads, in one table: each reader takes the name
// from it, a unit test holds docs/configuration.md's table of variables to it, and
// tests/lit/environment-variables.test finds no name spelled anywhere else. Header-only,
// standard C++ and including nothing of cachepy's: the plugin and the command line read
// it too, and every layer of the runtime may include it.

#include <cstddef>

namespace cachepy::detail {

// A variable, by its name without the CACHEPY_ prefix.
enum class env_setting {
  config,
  cache_dir,
  disable,
  verbose,
  memory_mb,
  remote_storage,
  remote_secret,
  safe_directories,
  module_dir,
  pch,
  pch_dir,
  pch_max_mb,
};
// Beside the enum, so that a variable added at its end moves it too.
inline constexpr std::size_t env_setting_count =
    static_cast<std::size_t>(env_setting::pch_max_mb) + 1;

// Who reads a variable: bits, since the command line reads some of the program's too.
enum env_reader : unsigned {
  read_by_program = 1, // the runtime library, in every program built with cachepy
  read_by_cli = 2,     // the `cachepy` command line's own code
  read_by_plugin = 4,  // the clang plugin, at each compilation
};

struct environment_variable {
  env_setting setting;
  const char *name;
  unsigned readers;
};

// In the enum's order, which is docs/configuration.md's: its prose counts the rows.
inline constexpr environment_variable environment_variables[] = {
    {env_setting::config, "CACHEPY_CONFIG", read_by_program | read_by_cli},
    {env_setting::cache_dir, "CACHEPY_CACHE_DIR", read_by_program},
    {env_setting::disable, "CACHEPY_DISABLE", read_by_program},
    {env_setting::verbose, "CACHEPY_VERBOSE", read_by_program},
    {env_setting::memory_mb, "CACHEPY_MEMORY_MB", read_by_program},
    {env_setting::remote_storage, "CACHEPY_REMOTE_STORAGE", read_by_program | read_by_cli},
    {env_setting::remote_secret, "CACHEPY_REMOTE_SECRET", read_by_program},
    {env_setting::safe_directories, "CACHEPY_SAFE_DIRECTORIES", read_by_program},
    // The command line sets it for its own runtime when unset.
    {env_setting::module_dir, "CACHEPY_MODULE_DIR", read_by_program | read_by_cli},
    {env_setting::pch, "CACHEPY_PCH", read_by_plugin},
    {env_setting::pch_dir, "CACHEPY_PCH_DIR", read_by_plugin},
    {env_setting::pch_max_mb, "CACHEPY_PCH_MAX_MB", read_by_plugin},
};

constexpr bool every_setting_once_in_order() {
  std::size_t index = 0;
  for (const environment_variable &variable : environment_variables)
    if (static_cast<std::size_t>(variable.setting) != index++)
      return false;
  return index == env_setting_count;
}
static_assert(every_setting_once_in_order(),
              "environment_variables names each env_setting once, in the enum's order");

// "CACHEPY_CACHE_DIR" for env_setting::cache_dir: the only way code names a variable.
constexpr const char *env_name(env_setting setting) {
  return environment_variables[static_cast<std::size_t>(setting)].name;
}

} // namespace cachepy::detail

#endif
