#ifndef CACHEPY_TESTS_DOCUMENTED_TABLE_HPP
#define CACHEPY_TESTS_DOCUMENTED_TABLE_HPP

// The first column of a table in the documentation, for the tests that hold the code's
// tables to the documentation's (yaml_keys_test.cpp, environment_variables_test.cpp).

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

namespace cachepy::testing {

inline std::string trimmed(const std::string &text) {
  const std::size_t first = text.find_first_not_of(' ');
  return first == std::string::npos
             ? ""
             : text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// The first column of the first table under `heading` in the markdown file at `path`,
// in the table's order, each name without its backticks (a cell that is not one
// backticked name is kept as written, so that the comparison shows it).
inline std::vector<std::string> first_column(const std::string &path, const std::string &heading) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::vector<std::string> names;
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
    names.push_back(quoted ? cell.substr(1, cell.size() - 2) : cell);
  }
  return names;
}

template <typename Names> std::string joined(const Names &names) {
  std::string text;
  for (const std::string &name : names)
    text += (text.empty() ? "" : ", ") + name;
  return text;
}

} // namespace cachepy::testing

#endif
