// Configuration: cachepy.yml, set_config, and the environment, resolved into the
// settings the hot path reads (one atomic load per call: no lock, no parsing).

#include "settings.hpp"

#include <cachepy/api.hpp>
#include <cachepy/detail/key_parts.hpp>

#include "../logging/logging.hpp"
#include "../storage/remote/remote_backend.hpp"
#include "../util/regular_file.hpp"
#include "duration.hpp"

#include <yaml-cpp/yaml.h>

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

bool env_flag(const char *name) {
  const char *value = std::getenv(name);
  return value && *value && std::string_view(value) != "0";
}

double env_number(const char *name, double fallback) {
  const char *value = std::getenv(name);
  if (!value || !*value)
    return fallback;
  char *end = nullptr;
  const double number = std::strtod(value, &end);
  if (*end != '\0' || !std::isfinite(number) || number < 0) {
    log_warning(std::string("ignoring ") + name + "=" + value + ": not a number of megabytes");
    return fallback;
  }
  return number;
}

std::shared_ptr<const std::vector<std::unique_ptr<storage_backend>>>
resolve_remotes(const config &cfg) {
  const char *env_list = std::getenv("CACHEPY_REMOTE_STORAGE");
  const char *secret = std::getenv("CACHEPY_REMOTE_SECRET");
  auto remotes = std::make_shared<std::vector<std::unique_ptr<storage_backend>>>(
      make_remote_backends(remote_specs(env_list, cfg.remote_storage), secret ? secret : ""));
  if (remotes->empty())
    return nullptr;
  return remotes;
}

std::unique_ptr<settings> resolve(const config &cfg) {
  auto resolved = std::make_unique<settings>();
  resolved->source = cfg;
  if (!parse_format(cfg.backend, resolved->format))
    log_warning("unknown format '" + cfg.backend + "' in the configuration; using binary");
  const char *env_dir = std::getenv("CACHEPY_CACHE_DIR");
  resolved->default_cache_dir = !cfg.cache_dir.empty() ? cfg.cache_dir
                                : env_dir && *env_dir ? env_dir
                                                      : ".cachepy";
  resolved->verbose = cfg.verbose || env_flag("CACHEPY_VERBOSE");
  resolved->sync = cfg.durability == "full"   ? durability::full
                   : cfg.durability == "file" ? durability::file
                                              : durability::none;
  resolved->lock_timeout_seconds = cfg.lock_timeout;
  resolved->max_age_seconds = cfg.max_age;
  resolved->safe_directories = cfg.safe_directories;
  if (const char *env_safe = std::getenv("CACHEPY_SAFE_DIRECTORIES"))
    for (std::string_view rest = env_safe; !rest.empty();) {
      const std::string_view directory = rest.substr(0, rest.find(':'));
      if (!directory.empty())
        resolved->safe_directories.emplace_back(directory);
      rest.remove_prefix(std::min(rest.size(), directory.size() + 1));
    }
  resolved->disabled = env_flag("CACHEPY_DISABLE");
  const double megabytes = env_number("CACHEPY_MEMORY_MB", cfg.memory_mb);
  resolved->memory_limit_bytes =
      std::isfinite(megabytes) && megabytes > 0
          ? static_cast<std::size_t>(std::min(megabytes, 1e12) * 1024 * 1024)
          : 0;
  resolved->remotes = resolve_remotes(cfg);
  return resolved;
}

// $CACHEPY_CONFIG is read once, at the first cached call; a bad file is a warning.
config startup_config() {
  const char *path = std::getenv("CACHEPY_CONFIG");
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

namespace {

[[noreturn]] void fail(const std::string &path, const YAML::Mark &mark,
                       const std::string &message) {
  throw config_error(path + ":" + std::to_string(mark.line + 1) + ": " + message);
}

std::string scalar(const std::string &path, const YAML::Node &node, const char *key) {
  if (!node.IsScalar())
    fail(path, node.Mark(), std::string("'") + key + "' must be a single value");
  return node.as<std::string>();
}

// Past this, a wait is forever (and the deadline's arithmetic no longer means anything).
constexpr double max_lock_timeout_seconds = 1e9;

config read_settings(const std::string &path, const YAML::Node &root) {
  config cfg;
  if (root.IsNull())
    return cfg;
  if (!root.IsMap())
    fail(path, root.Mark(), "expected a map of settings (cache_dir, format, verbose, env_vars)");
  for (const auto &entry : root) {
    if (!entry.first.IsScalar())
      fail(path, entry.first.Mark(), "a setting's name must be a word");
    const std::string key = entry.first.as<std::string>();
    const YAML::Node &value = entry.second;
    if (key == "cache_dir") {
      cfg.cache_dir = scalar(path, value, "cache_dir");
    } else if (key == "format" || key == "backend") { // backend: its older name
      cfg.backend = scalar(path, value, key.c_str());
      detail::value_format format;
      if (!detail::parse_format(cfg.backend, format))
        fail(path, value.Mark(),
             "unknown format '" + cfg.backend + "'; expected binary, portable_binary or json");
    } else if (key == "verbose") {
      bool verbose = false;
      if (!value.IsScalar() || !YAML::convert<bool>::decode(value, verbose))
        fail(path, value.Mark(), "'verbose' must be true or false");
      cfg.verbose = verbose;
    } else if (key == "durability") {
      cfg.durability = scalar(path, value, "durability");
      if (cfg.durability != "none" && cfg.durability != "file" && cfg.durability != "full")
        fail(path, value.Mark(), "unknown durability '" + cfg.durability +
                                     "'; expected none, file or full");
    } else if (key == "lock_timeout") {
      double seconds = 0;
      if (!value.IsScalar() || !YAML::convert<double>::decode(value, seconds) ||
          !(seconds >= 0 && seconds <= max_lock_timeout_seconds))
        fail(path, value.Mark(), "'lock_timeout' must be a number of seconds");
      cfg.lock_timeout = seconds;
    } else if (key == "memory_mb") {
      double megabytes = 0;
      if (!value.IsScalar() || !YAML::convert<double>::decode(value, megabytes) ||
          !std::isfinite(megabytes) || megabytes < 0)
        fail(path, value.Mark(), "'memory_mb' must be a number of megabytes");
      cfg.memory_mb = megabytes;
    } else if (key == "remote_storage") {
      if (!value.IsSequence())
        fail(path, value.Mark(), "'remote_storage' must be a list of URLs");
      for (const auto &url : value)
        cfg.remote_storage.push_back(scalar(path, url, "remote_storage"));
    } else if (key == "max_age") {
      // A malformed age only loses the expiry: a warning, the rest of the file applies.
      const std::optional<std::uint64_t> seconds =
          value.IsScalar() ? detail::parse_duration(value.as<std::string>()) : std::nullopt;
      if (seconds)
        cfg.max_age = *seconds;
      else
        detail::log_warning(path + ":" + std::to_string(value.Mark().line + 1) +
                            ": max_age '" + (value.IsScalar() ? value.as<std::string>() : "") +
                            "' is not a duration (\"90s\", \"15m\", \"12h\", \"7d\" or "
                            "seconds); ignored");
    } else if (key == "safe_directories") {
      if (!value.IsSequence())
        fail(path, value.Mark(), "'safe_directories' must be a list of directories");
      for (const auto &directory : value)
        cfg.safe_directories.push_back(scalar(path, directory, "safe_directories"));
    } else if (key == "env_vars") {
      if (!value.IsSequence())
        fail(path, value.Mark(), "'env_vars' must be a list of variable names");
      for (const auto &name : value)
        cfg.env_vars.push_back(scalar(path, name, "env_vars"));
    } else {
      fail(path, entry.first.Mark(),
           "unknown setting '" + key +
               "'; expected cache_dir, format, verbose, env_vars, durability, lock_timeout, "
               "memory_mb, max_age, remote_storage or safe_directories");
    }
  }
  return cfg;
}

} // namespace

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
  // yaml-cpp throws its own exceptions from any conversion; each is a config_error here.
  try {
    return read_settings(origin, YAML::Load(text));
  } catch (const config_error &) {
    throw;
  } catch (const YAML::Exception &error) {
    fail(origin, error.mark, error.msg);
  } catch (const std::exception &error) {
    throw config_error(origin + ": " + error.what());
  }
}

void set_config(const config &cfg) { detail::holder().install(detail::resolve(cfg)); }

config current_config() { return detail::current_settings().source; }

} // namespace cachepy
