#ifndef CACHEPY_CLI_CALL_TREE_HPP
#define CACHEPY_CLI_CALL_TREE_HPP

// `cachepy tree`: the recorded call graph as an indented tree, each call's callees
// printed once. Output is bounded by the graph (a line per root and per edge), not by
// the paths through it: fib(90) has billions.

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cachepy::cli {

// Roots (calls nothing calls) by name, then whatever only a cycle reaches. A call met
// again ends with " (see above)"; with `depth`, calls deeper than it are left out and
// a call whose callees were left out ends with " ...". Past 40 levels the indentation
// stays that of level 40 and the line starts with its level, "[123] ".
void print_call_tree(const std::vector<std::pair<std::string, std::string>> &edges,
                     std::optional<unsigned> depth);

} // namespace cachepy::cli

#endif
