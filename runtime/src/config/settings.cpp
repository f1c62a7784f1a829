// Configuration: cachepy.yml, set_config, and the environment, resolved into the
// settings the hot path reads (one atomic load per call: no lock, no parsing).

#include "settings.hpp"

#include <cachepy/api.hpp>
#include <cachepy/detail/key_parts.hpp>

#include "../logging/logging.hpp"
#include "../modules/module_loader.hpp"
#include "remote_list.hpp"
#include "../util/regular_file.hpp"
#include "config_module.hpp"
#include "duration.hpp"
#include "../util/environment_variables.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <vector>

namespace cachepy {
namespace detail {
namespace {

bool env_flag(env_setting setting) {
  const char *value = std::getenv(env_name(setting));
  return value && *value && std::string_view(value) != "0";
}

double env_number(env_setting setting, double fallback) {
  const char *value = std::getenv(env_name(setting));
  if (!value || !*value)
    return fallback;
  char *end = nullptr;
  const double number = std::strtod(value, &end);
  if (*end != '\0' || !std::isfinite(number) || number < 0) {
    log_warning(std::string("ignoring ") + env_name(setting) + "=" + value +
                ": not a number of megabytes");
    return fallback;
  }
  return number;
}

// config's lock_timeout, in seconds: a file's is checked by its reader, set_config's is
// not, so the deadline's arithmetic is kept meaningful here.
std::chrono::milliseconds lock_timeout_of(double seconds) {
  if (!(seconds > 0))
    return std::chrono::milliseconds(0);
  return std::chrono::ceil<std::chrono::milliseconds>(
      std::chrono::duration<double>(std::min(seconds, max_lock_timeout_seconds)));
}

std::unique_ptr<settings> resolve(const config &cfg) {
  auto resolved = std::make_unique<settings>();
  resolved->source = cfg;
  if (!parse_format(cfg.backend, resolved->format))
    log_warning("unknown format '" + cfg.backend + "' in the configuration; using binary");
  const char *env_dir = std::getenv(env_name(env_setting::cache_dir));
  resolved->default_cache_dir = !cfg.cache_dir.empty() ? cfg.cache_dir
                                : env_dir && *env_dir ? env_dir
                                                      : ".cachepy";
  resolved->verbose = cfg.verbose || env_flag(env_setting::verbose);
  resolved->sync = cfg.durability == "full"   ? durability::full
                   : cfg.durability == "file" ? durability::file
                                              : durability::none;
  resolved->lock_timeout = lock_timeout_of(cfg.lock_timeout);
  resolved->max_age_seconds = cfg.max_age;
  resolved->safe_directories = cfg.safe_directories;
  if (const char *env_safe = std::getenv(env_name(env_setting::safe_directories)))
    for (std::string_view rest = env_safe; !rest.empty();) {
      const std::string_view directory = rest.substr(0, rest.find(':'));
      if (!directory.empty())
        resolved->safe_directories.emplace_back(directory);
      rest.remove_prefix(std::min(rest.size(), directory.size() + 1));
    }
  resolved->disabled = env_flag(env_setting::disable);
  const double megabytes = env_number(env_setting::memory_mb, cfg.memory_mb);
  resolved->memory_limit_bytes =
      std::isfinite(megabytes) && megabytes > 0
          ? static_cast<std::size_t>(std::min(megabytes, 1e12) * 1024 * 1024)
          : 0;
  resolved->remote_specs =
      remote_specs(std::getenv(env_name(env_setting::remote_storage)), cfg.remote_storage);
  if (const char *secret = std::getenv(env_name(env_setting::remote_secret)))
    resolved->remote_secret = secret;
  return resolved;
}

// $CACHEPY_CONFIG is read once, at the first cached call; a bad file is a warning.
config startup_config() {
  const char *path = std::getenv(env_name(env_setting::config));
  if (!path || !*path)
    return config{};
  try {
    return load_config(path);
  } catch (const config_error &error) {
    log_warning(std::string(error.what()) + "; CACHEPY_CONFIG ignored");
  } catch (...) {
    log_warning(std::string(path) + ": cannot read the configuration file; CACHEPY_CONFIG ignored");
  }
  return config{};
}

// Settings are never freed: a call may still read the ones that set_config replaced,
// and set_config is rare enough that keeping them costs nothing.
struct settings_holder {
  std::mutex mutex;
  std::vector<std::unique_ptr<settings>> all;
  std::atomic<const settings *> current{nullptr};

  settings_holder() { install(resolve(startup_config())); }
  void install(std::unique_ptr<settings> resolved) {
    std::lock_guard<std::mutex> lock(mutex);
    current.store(resolved.get(), std::memory_order_release);
    all.push_back(std::move(resolved));
  }
};

settings_holder &holder() {
  static settings_holder *instance = new settings_holder; // outlives static destructors
  return *instance;
}

} // namespace

const settings &current_settings() {
  return *holder().current.load(std::memory_order_acquire);
}

key config_env_hash(const settings &s) {
  if (s.source.env_vars.empty())
    return key{};
  return hash_of([&](value_writer &archive) {
    for (const std::string &name : s.source.env_vars)
      hash_env_var(archive, name.c_str());
  });
}

} // namespace detail

config load_config(const std::string &path) {
  constexpr std::size_t max_size = 1 << 20; // a few lines are expected; a huge file is a mistake
  const std::optional<std::string> text =
      detail::read_regular_file(path.c_str(), max_size, detail::links::followed);
  if (!text)
    throw config_error(path + (errno == EFBIG    ? ": larger than 1 MiB"
                               : errno == EINVAL ? ": not a regular file"
                                                 : ": cannot read the configuration file: " +
                                                       std::string(std::strerror(errno))));
  return parse_config(*text, path);
}

config parse_config(const std::string &text, const std::string &origin) {
  static std::string unusable; // why the module is not there, once per process
  static const detail::module_header *const loaded =
      detail::load_module(detail::config_module_file, detail::config_module_abi, unusable);
  if (!loaded)
    throw config_error(origin + ": cannot read YAML: the configuration module " + unusable);
  // The header is the table's first member: the table is the module's config_module.
  config cfg;
  const detail::yaml_reading reading =
      reinterpret_cast<const detail::config_module *>(loaded)->read(text, origin, cfg);
  if (!reading.ok)
    throw config_error(reading.problem);
  for (const std::string &ignored : reading.ignored)
    detail::log_warning(ignored);
  return cfg;
}

void set_config(const config &cfg) { detail::holder().install(detail::resolve(cfg)); }

config current_config() { return detail::current_settings().source; }

} // namespace cachepy
