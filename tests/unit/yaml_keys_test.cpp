// The configuration file's keys: one table (config/yaml_keys.hpp) that the reader's
// errors and docs/configuration.md agree with.

#include "config/yaml_keys.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <string>

namespace cachepy::detail {
namespace {

std::string trimmed(const std::string &text) {
  const std::size_t first = text.find_first_not_of(' ');
  return first == std::string::npos
             ? ""
             : text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// The first column of the first table under `heading` in the markdown file at `path`,
// each name without its backticks (a cell that is not one backticked name is kept as
// written, so that the comparison shows it).
std::set<std::string> first_column(const std::string &path, const std::string &heading) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::set<std::string> names;
  std::string line;
  while (std::getline(in, line) && line != heading) {
  }
  // To the table's first line, unless the next section starts first.
  while (in && std::getline(in, line) && line.rfind("|", 0) != 0 && line.rfind("#", 0) != 0) {
  }
  if (!in || line.rfind("|", 0) != 0)
    return names;
  std::getline(in, line); // the |---| under the header
  while (std::getline(in, line) && line.rfind("|", 0) == 0) {
    const std::string cell = trimmed(line.substr(1, line.find('|', 1) - 1));
    const bool quoted = cell.size() > 2 && cell.front() == '`' && cell.back() == '`';
    names.insert(quoted ? cell.substr(1, cell.size() - 2) : cell);
  }
  return names;
}

std::string joined(const std::set<std::string> &names) {
  std::string text;
  for (const std::string &name : names)
    text += (text.empty() ? "" : ", ") + name;
  return text;
}

TEST(YamlKeys, TheDocumentationTablesEveryKeyTheReaderOffers) {
  const std::string page = CACHEPY_SOURCE_DIR "/docs/configuration.md";
  const std::set<std::string> documented = first_column(page, "## YAML keys");
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
