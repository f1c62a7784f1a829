// The configuration file's YAML, read into a config: compiled into the configuration
// module (cachepy-config.so), so that yaml-cpp is loaded only by a run that reads a file.

#include "config_module.hpp"
#include "duration.hpp"
#include "yaml_keys.hpp"

#include <cachepy/detail/function_site.hpp>

#include <yaml-cpp/yaml.h>

#include <cmath>

namespace cachepy::detail {
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

// `value`'s items, each a single value, appended to `out`; `items` names them for the error.
void read_list(const std::string &path, const YAML::Node &value, const char *key,
               const char *items, std::vector<std::string> &out) {
  if (!value.IsSequence())
    fail(path, value.Mark(), std::string("'") + key + "' must be a list of " + items);
  for (const auto &item : value)
    out.push_back(scalar(path, item, key));
}

// Reads `value` into the member of cfg that `setting` names; `key` is the name the file
// used (an older one included), for the errors.
void read_setting(const std::string &path, yaml_setting setting, const std::string &key,
                  const YAML::Node &value, config &cfg, std::vector<std::string> &ignored) {
  switch (setting) {
  case yaml_setting::cache_dir:
    cfg.cache_dir = scalar(path, value, "cache_dir");
    return;
  case yaml_setting::format: {
    cfg.backend = scalar(path, value, key.c_str());
    value_format format;
    if (!parse_format(cfg.backend, format))
      fail(path, value.Mark(),
           "unknown format '" + cfg.backend + "'; expected binary, portable_binary or json");
    return;
  }
  case yaml_setting::verbose: {
    bool verbose = false;
    if (!value.IsScalar() || !YAML::convert<bool>::decode(value, verbose))
      fail(path, value.Mark(), "'verbose' must be true or false");
    cfg.verbose = verbose;
    return;
  }
  case yaml_setting::durability:
    cfg.durability = scalar(path, value, "durability");
    if (cfg.durability != "none" && cfg.durability != "file" && cfg.durability != "full")
      fail(path, value.Mark(), "unknown durability '" + cfg.durability +
                                   "'; expected none, file or full");
    return;
  case yaml_setting::lock_timeout: {
    double seconds = 0;
    if (!value.IsScalar() || !YAML::convert<double>::decode(value, seconds) ||
        !(seconds >= 0 && seconds <= max_lock_timeout_seconds))
      fail(path, value.Mark(), "'lock_timeout' must be a number of seconds");
    cfg.lock_timeout = seconds;
    return;
  }
  case yaml_setting::memory_mb: {
    double megabytes = 0;
    if (!value.IsScalar() || !YAML::convert<double>::decode(value, megabytes) ||
        !std::isfinite(megabytes) || megabytes < 0)
      fail(path, value.Mark(), "'memory_mb' must be a number of megabytes");
    cfg.memory_mb = megabytes;
    return;
  }
  case yaml_setting::remote_storage:
    return read_list(path, value, "remote_storage", "URLs", cfg.remote_storage);
  case yaml_setting::max_age: {
    // A malformed age only loses the expiry: the rest of the file applies.
    const std::optional<std::uint64_t> seconds =
        value.IsScalar() ? parse_duration(value.as<std::string>()) : std::nullopt;
    if (seconds)
      cfg.max_age = *seconds;
    else
      ignored.push_back(path + ":" + std::to_string(value.Mark().line + 1) + ": max_age '" +
                        (value.IsScalar() ? value.as<std::string>() : "") +
                        "' is not a duration (\"90s\", \"15m\", \"12h\", \"7d\" or "
                        "seconds); ignored");
    return;
  }
  case yaml_setting::safe_directories:
    return read_list(path, value, "safe_directories", "directories", cfg.safe_directories);
  case yaml_setting::env_vars:
    return read_list(path, value, "env_vars", "variable names", cfg.env_vars);
  }
}

config read_settings(const std::string &path, const YAML::Node &root,
                     std::vector<std::string> &ignored) {
  config cfg;
  if (root.IsNull())
    return cfg;
  if (!root.IsMap())
    fail(path, root.Mark(), "expected a map of settings (" + listed_yaml_keys() + ")");
  for (const auto &entry : root) {
    if (!entry.first.IsScalar())
      fail(path, entry.first.Mark(), "a setting's name must be a word");
    const std::string key = entry.first.as<std::string>();
    const yaml_key *known = find_yaml_key(key);
    if (!known)
      fail(path, entry.first.Mark(),
           "unknown setting '" + key + "'; expected " + listed_yaml_keys());
    read_setting(path, known->sets, key, entry.second, cfg, ignored);
  }
  return cfg;
}

} // namespace

yaml_reading read_yaml_settings(const std::string &text, const std::string &origin,
                                config &out) noexcept {
  yaml_reading reading;
  // yaml-cpp throws its own exceptions from any conversion; each is a problem here.
  try {
    try {
      out = read_settings(origin, YAML::Load(text), reading.ignored);
      reading.ok = true;
    } catch (const YAML::Exception &error) {
      fail(origin, error.mark, error.msg);
    }
  } catch (const config_error &error) {
    reading.problem = error.what();
  } catch (const std::exception &error) {
    reading.problem = origin + ": " + error.what();
  } catch (...) {
    reading.problem = origin + ": cannot read it";
  }
  return reading;
}

} // namespace cachepy::detail
