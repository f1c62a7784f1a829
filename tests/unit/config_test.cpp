#include <cachepy/api.hpp>

#include "test_servers.hpp"

#include "config/settings.hpp"
#include "storage/remote_tier.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace cachepy {
namespace {

void expect_error(const std::string &path, const std::string &expected);

class ConfigFile : public ::testing::Test {
protected:
  std::string write(const std::string &text) {
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("cachepy-config-" + std::to_string(::getpid()) + ".yml"))
                                 .native();
    std::ofstream(path) << text;
    written.push_back(path);
    return path;
  }
  void TearDown() override {
    for (const std::string &path : written)
      std::filesystem::remove(path);
    set_config(config{});
  }
  std::vector<std::string> written;
};

TEST_F(ConfigFile, ReadsEverySetting) {
  const config cfg = load_config(write("cache_dir: /tmp/project\nformat: json\n"
                                       "verbose: true\nenv_vars: [HOME, GENOME_BUILD]\n"));
  EXPECT_EQ(cfg.cache_dir, "/tmp/project");
  EXPECT_EQ(cfg.backend, "json");
  EXPECT_TRUE(cfg.verbose);
  EXPECT_EQ(cfg.env_vars, (std::vector<std::string>{"HOME", "GENOME_BUILD"}));
}

TEST_F(ConfigFile, BackendIsStillAcceptedAsTheFormatsOlderName) {
  EXPECT_EQ(load_config(write("backend: portable_binary\n")).backend, "portable_binary");
  expect_error(write("backend: xml\n"),
               ":1: unknown format 'xml'; expected binary, portable_binary or json");
}

TEST_F(ConfigFile, MemoryLimitIsInMegabytesAndZeroTurnsTheLayerOff) {
  const config cfg = load_config(write("memory_mb: 64\n"));
  EXPECT_EQ(cfg.memory_mb, 64);
  set_config(cfg);
  EXPECT_EQ(detail::current_settings().memory_limit_bytes, 64u * 1024 * 1024);
  set_config(load_config(write("memory_mb: 0\n")));
  EXPECT_EQ(detail::current_settings().memory_limit_bytes, 0u);
  expect_error(write("memory_mb: -1\n"), ":1: 'memory_mb' must be a number of megabytes");
}

TEST_F(ConfigFile, RemoteStorageIsAListOfUrlsAndABadOneIsLeftOut) {
  const config cfg = load_config(
      write("remote_storage:\n  - redis://127.0.0.1:1|read-only=true\n  - ftp://nowhere\n"));
  EXPECT_EQ(cfg.remote_storage,
            (std::vector<std::string>{"redis://127.0.0.1:1|read-only=true", "ftp://nowhere"}));
  set_config(cfg);
  // The settings describe the remotes; storage builds them at their first use.
  EXPECT_EQ(detail::current_settings().remote_specs, cfg.remote_storage);
  ::testing::internal::CaptureStderr();
  const detail::remote_backend_list &built = detail::remote_backends(detail::current_settings());
  const std::string warnings = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(warnings.find("ignoring remote storage '...': unknown scheme"), std::string::npos)
      << warnings;
  EXPECT_EQ(built.size(), 1u);
  EXPECT_EQ(&detail::remote_backends(detail::current_settings()), &built); // built once
  set_config(config{});
  EXPECT_TRUE(detail::current_settings().remote_specs.empty());
  EXPECT_TRUE(detail::remote_backends(detail::current_settings()).empty());
  expect_error(write("remote_storage: redis://h\n"),
               ":1: 'remote_storage' must be a list of URLs");
}

TEST_F(ConfigFile, MaxAgeIsADurationAndAMalformedOneIsIgnored) {
  EXPECT_EQ(load_config(write("max_age: 15m\n")).max_age, 900u);
  EXPECT_EQ(load_config(write("max_age: 3600\n")).max_age, 3600u);
  set_config(load_config(write("max_age: 2d\n")));
  EXPECT_EQ(detail::current_settings().max_age_seconds, 2u * 86400);
  // A warning, not an error: the rest of the file still applies. The module reading the
  // YAML returns it; the runtime says it.
  config cfg;
  const std::string warnings = cachepy::testing::capture_warnings(
      [&] { cfg = load_config(write("max_age: soon\nverbose: true\n")); });
  EXPECT_EQ(cfg.max_age, 0u);
  EXPECT_TRUE(cfg.verbose);
  EXPECT_EQ(cachepy::testing::count(warnings, "warning:"), 1u) << warnings;
  EXPECT_NE(warnings.find(":1: max_age 'soon' is not a duration"), std::string::npos) << warnings;
}

TEST_F(ConfigFile, LockTimeoutIsSecondsWaitedToTheMillisecond) {
  set_config(load_config(write("lock_timeout: 2.5\n")));
  EXPECT_EQ(detail::current_settings().lock_timeout, std::chrono::milliseconds(2500));
  set_config(load_config(write("lock_timeout: 0.0001\n"))); // a wait, however short
  EXPECT_EQ(detail::current_settings().lock_timeout, std::chrono::milliseconds(1));
  // set_config's value is not checked by the file's reader: a deadline stays meaningful.
  config cfg;
  for (const double seconds : {-1.0, std::nan("")}) {
    cfg.lock_timeout = seconds;
    set_config(cfg);
    EXPECT_EQ(detail::current_settings().lock_timeout, std::chrono::milliseconds(0));
  }
  cfg.lock_timeout = HUGE_VAL;
  set_config(cfg);
  EXPECT_EQ(detail::current_settings().lock_timeout, std::chrono::seconds(1'000'000'000));
}

TEST_F(ConfigFile, EmptyFileGivesDefaults) {
  const config cfg = load_config(write(""));
  EXPECT_EQ(cfg.cache_dir, "");
  EXPECT_EQ(cfg.backend, "binary");
  EXPECT_FALSE(cfg.verbose);
  EXPECT_EQ(cfg.memory_mb, 256);
}

void expect_error(const std::string &path, const std::string &expected) {
  try {
    load_config(path);
    FAIL() << "no error for " << path;
  } catch (const config_error &error) {
    EXPECT_EQ(error.what(), path + expected);
  }
}

TEST_F(ConfigFile, ErrorsNameTheLine) {
  expect_error(write("cache_dir: x\nverbose: sometimes\n"), ":2: 'verbose' must be true or false");
  expect_error(write("format: xml\n"),
               ":1: unknown format 'xml'; expected binary, portable_binary or json");
  expect_error(write("cache_dir: x\n\ncolour: red\n"),
               ":3: unknown setting 'colour'; expected cache_dir, format, verbose, env_vars, durability, lock_timeout, memory_mb, max_age, remote_storage or safe_directories");
  expect_error(write("env_vars: HOME\n"), ":1: 'env_vars' must be a list of variable names");
  // Both lists of keys come from one table (config/yaml_keys.hpp).
  expect_error(write("- cache_dir\n"),
               ":1: expected a map of settings (cache_dir, format, verbose, env_vars, durability, lock_timeout, memory_mb, max_age, remote_storage or safe_directories)");
  expect_error(write("cache_dir: [unclosed\n"), ":2: end of sequence flow not found");
}

// The file is the user's, but its path may name anything: each of these is one
// config_error (a warning and the defaults at start-up), never another exception,
// a hang or the end of the program.
TEST_F(ConfigFile, AKeyThatIsNotAWordIsAnError) {
  expect_error(write("[a, b]: 1\n"), ":1: a setting's name must be a word");
  expect_error(write("cache_dir: {a: 1}\n"), ":1: 'cache_dir' must be a single value");
}

TEST_F(ConfigFile, ADirectoryOrAFifoIsNotAConfigurationFile) {
  const std::string fifo = write("") + ".fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  written.push_back(fifo);
  expect_error(fifo, ": not a regular file");
  expect_error(std::filesystem::temp_directory_path().native(), ": not a regular file");
}

TEST_F(ConfigFile, AHugeFileIsRefusedUnread) {
  expect_error(write(std::string(2 << 20, '#')), ": larger than 1 MiB");
}

TEST_F(ConfigFile, AbsurdNumbersAreErrors) {
  expect_error(write("lock_timeout: .inf\n"), ":1: 'lock_timeout' must be a number of seconds");
  expect_error(write("lock_timeout: 1e300\n"), ":1: 'lock_timeout' must be a number of seconds");
  expect_error(write("memory_mb: .nan\n"), ":1: 'memory_mb' must be a number of megabytes");
}

TEST_F(ConfigFile, ParseConfigReadsText) {
  EXPECT_EQ(parse_config("cache_dir: /srv/cache\n", "inline").cache_dir, "/srv/cache");
  try {
    parse_config("verbose: perhaps\n", "inline");
    ADD_FAILURE() << "no error";
  } catch (const config_error &error) {
    EXPECT_EQ(std::string(error.what()), "inline:1: 'verbose' must be true or false");
  }
}

TEST_F(ConfigFile, DeepNestingIsAnErrorNotAStackOverflow) {
  EXPECT_THROW(parse_config("cache_dir: " + std::string(100000, '['), "deep"), config_error);
  EXPECT_THROW(parse_config(std::string(100000, '{'), "deep"), config_error);
}

TEST_F(ConfigFile, SafeDirectoriesAreAListOfPaths) {
  EXPECT_EQ(load_config(write("safe_directories: [/srv/team-cache, '*']\n")).safe_directories,
            (std::vector<std::string>{"/srv/team-cache", "*"}));
  expect_error(write("safe_directories: /srv\n"),
               ":1: 'safe_directories' must be a list of directories");
}

TEST_F(ConfigFile, MissingFileIsAnError) {
  EXPECT_THROW(load_config("/no/such/cachepy.yml"), config_error);
}

TEST_F(ConfigFile, SetConfigChangesTheDefaults) {
  config cfg;
  cfg.cache_dir = "elsewhere";
  cfg.backend = "portable_binary";
  set_config(cfg);
  const detail::settings &now = detail::current_settings();
  EXPECT_EQ(now.default_cache_dir, "elsewhere");
  EXPECT_EQ(now.format, detail::value_format::portable_binary);
  EXPECT_EQ(current_config().cache_dir, "elsewhere");
}

TEST_F(ConfigFile, ProjectEnvVarsChangeTheContextHash) {
  config cfg;
  cfg.env_vars = {"CACHEPY_TEST_VAR"};
  set_config(cfg);
  ::unsetenv("CACHEPY_TEST_VAR");
  const detail::key unset = detail::config_env_hash(detail::current_settings());
  ::setenv("CACHEPY_TEST_VAR", "", 1);
  const detail::key empty = detail::config_env_hash(detail::current_settings());
  ::setenv("CACHEPY_TEST_VAR", "hg38", 1);
  const detail::key set = detail::config_env_hash(detail::current_settings());
  EXPECT_NE(unset, empty);
  EXPECT_NE(empty, set);
  EXPECT_EQ(detail::config_env_hash(detail::settings{}), detail::key{});
}

} // namespace
} // namespace cachepy
