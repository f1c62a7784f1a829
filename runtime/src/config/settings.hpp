#ifndef CACHEPY_DETAIL_SETTINGS_HPP
#define CACHEPY_DETAIL_SETTINGS_HPP

// The process-wide defaults (set_config, $CACHEPY_CONFIG, the environment) as the hot
// path needs them: resolved once per change, read without parsing anything.

#include <cachepy/api.hpp>
#include <cachepy/detail/function_site.hpp>
#include <cachepy/detail/key.hpp>

#include "durability.hpp"

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace cachepy::detail {


struct settings {
  config source;
  value_format format = value_format::binary;
  std::string default_cache_dir; // config, else $CACHEPY_CACHE_DIR, else ".cachepy"
  bool verbose = false;          // config or $CACHEPY_VERBOSE
  bool disabled = false;         // $CACHEPY_DISABLE
  durability sync = durability::none;
  std::chrono::milliseconds lock_timeout = std::chrono::minutes(10);
  std::size_t memory_limit_bytes = 0; // config or $CACHEPY_MEMORY_MB; 0: no memory layer
  // $CACHEPY_REMOTE_STORAGE, else the config's list, as text: storage builds the
  // clients (storage/remote_tier.hpp), the first time a call uses these settings.
  std::vector<std::string> remote_specs;
  std::string remote_secret; // $CACHEPY_REMOTE_SECRET
  std::uint64_t max_age_seconds = 0;  // config; 0: entries never expire
  // config, then $CACHEPY_SAFE_DIRECTORIES: directories used whoever owns them
  std::vector<std::string> safe_directories;
};

// Valid for the rest of the process, even after set_config replaces it.
const settings &current_settings();

// The hash of the project-wide env_vars' current values; zero when there are none.
key config_env_hash(const settings &s);

} // namespace cachepy::detail

#endif
