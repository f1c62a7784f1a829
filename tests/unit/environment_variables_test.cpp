// The environment variables cachepy reads: one table (util/environment_variables.hpp)
// that the runtime, the command line, the plugin and docs/configuration.md agree with.
// That no reader spells a name of its own is tests/lit/environment-variables.test.

#include "util/environment_variables.hpp"
#include "documented_table.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace cachepy::detail {
namespace {

using testing::first_column;
using testing::joined;

const std::string page = CACHEPY_SOURCE_DIR "/docs/configuration.md";
const std::string heading = "## Environment variables";

std::vector<std::string> names_in_code() {
  std::vector<std::string> names;
  for (const environment_variable &variable : environment_variables)
    names.emplace_back(variable.name);
  return names;
}

TEST(EnvironmentVariables, TheDocumentationTablesEveryVariableTheCodeReads) {
  const std::vector<std::string> table = first_column(page, heading);
  ASSERT_FALSE(table.empty()) << page << " has no table under \"" << heading << "\"";
  const std::vector<std::string> read = names_in_code();
  std::set<std::string> missing(read.begin(), read.end()), extra(table.begin(), table.end());
  for (const std::string &name : table)
    missing.erase(name);
  for (const std::string &name : read)
    extra.erase(name);
  EXPECT_TRUE(missing.empty()) << page << "'s \"" << heading << "\" table lacks: "
                               << joined(missing);
  EXPECT_TRUE(extra.empty()) << page << "'s \"" << heading << "\" table names variables "
                             << "nothing reads: " << joined(extra);
}

// The page's prose counts rows ("the next seven", "the last three" for the plugin's).
TEST(EnvironmentVariables, TheDocumentationKeepsTheTablesOrder) {
  EXPECT_EQ(joined(first_column(page, heading)), joined(names_in_code()));
  bool plugins_began = false;
  for (const environment_variable &variable : environment_variables) {
    plugins_began = plugins_began || (variable.readers & read_by_plugin) != 0;
    EXPECT_EQ(variable.readers == read_by_plugin, plugins_began)
        << variable.name << ": the plugin's variables are the table's last, and only theirs";
  }
}

} // namespace
} // namespace cachepy::detail
