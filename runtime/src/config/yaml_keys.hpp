#ifndef CACHEPY_CONFIG_YAML_KEYS_HPP
#define CACHEPY_CONFIG_YAML_KEYS_HPP

// The configuration file's keys in one table: the reader dispatches on it, its errors
// list it, and a unit test holds docs/configuration.md's table of keys to it. Standard
// C++ only, so that the tests read it without the module's yaml-cpp.

#include <string>
#include <string_view>

namespace cachepy::detail {

// The member of cachepy::config a key sets; the reader switches over these.
enum class yaml_setting {
  cache_dir,
  format,
  verbose,
  env_vars,
  durability,
  lock_timeout,
  memory_mb,
  max_age,
  remote_storage,
  safe_directories,
};

struct yaml_key {
  std::string_view name;
  yaml_setting sets;
  bool listed; // false for an older name, still read but no longer offered
};

// In the order the errors list them.
inline constexpr yaml_key yaml_keys[] = {
    {"cache_dir", yaml_setting::cache_dir, true},
    {"format", yaml_setting::format, true},
    {"backend", yaml_setting::format, false},
    {"verbose", yaml_setting::verbose, true},
    {"env_vars", yaml_setting::env_vars, true},
    {"durability", yaml_setting::durability, true},
    {"lock_timeout", yaml_setting::lock_timeout, true},
    {"memory_mb", yaml_setting::memory_mb, true},
    {"max_age", yaml_setting::max_age, true},
    {"remote_storage", yaml_setting::remote_storage, true},
    {"safe_directories", yaml_setting::safe_directories, true},
};

// The key named `name`, or null.
inline const yaml_key *find_yaml_key(std::string_view name) {
  for (const yaml_key &key : yaml_keys)
    if (key.name == name)
      return &key;
  return nullptr;
}

// "cache_dir, format, ... or safe_directories": the listed keys, as errors offer them.
inline std::string listed_yaml_keys() {
  std::string list, last;
  for (const yaml_key &key : yaml_keys)
    if (key.listed) {
      if (!last.empty())
        list += (list.empty() ? "" : ", ") + last;
      last = key.name;
    }
  return list + " or " + last;
}

} // namespace cachepy::detail

#endif
