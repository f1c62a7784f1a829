// The configuration file's keys: one table (config/yaml_keys.hpp) that the reader's
// errors and docs/configuration.md agree with.

#include "config/yaml_keys.hpp"
#include "documented_table.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace cachepy::detail {
namespace {

using testing::first_column;
using testing::joined;

TEST(YamlKeys, TheDocumentationTablesEveryKeyTheReaderOffers) {
  const std::string page = CACHEPY_SOURCE_DIR "/docs/configuration.md";
  const std::vector<std::string> table = first_column(page, "## YAML keys");
  const std::set<std::string> documented(table.begin(), table.end());
  ASSERT_FALSE(documented.empty()) << page << " has no table under \"## YAML keys\"";
  std::set<std::string> missing, extra = documented;
  for (const yaml_key &key : yaml_keys) {
    extra.erase(std::string(key.name)); // an older name may be documented too
    if (key.listed && !documented.count(std::string(key.name)))
      missing.insert(std::string(key.name));
  }
  EXPECT_TRUE(missing.empty()) << page << "'s \"## YAML keys\" table lacks: "
                               << joined(missing);
  EXPECT_TRUE(extra.empty()) << page << "'s \"## YAML keys\" table names keys the reader "
                             << "does not read: " << joined(extra);
}

TEST(YamlKeys, ErrorsOfferTheListedKeysInTheTablesOrder) {
  EXPECT_EQ(listed_yaml_keys(), "cache_dir, format, verbose, env_vars, durability, lock_timeout, "
                                "memory_mb, max_age, remote_storage or safe_directories");
  ASSERT_NE(find_yaml_key("backend"), nullptr); // the format's older name, still read
  EXPECT_EQ(find_yaml_key("backend")->sets, yaml_setting::format);
  EXPECT_EQ(find_yaml_key("colour"), nullptr);
}

} // namespace
} // namespace cachepy::detail
