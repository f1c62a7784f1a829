#include "call_tree.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>

namespace cachepy::cli {
namespace {

constexpr unsigned max_indented_levels = 40;

// The graph with nodes as numbers, for a traversal that holds no strings.
struct call_graph {
  std::vector<std::string> names;
  std::vector<std::vector<std::size_t>> callees; // in the order the file recorded them
  std::vector<bool> called;

  explicit call_graph(const std::vector<std::pair<std::string, std::string>> &edges) {
    std::map<std::string, std::size_t> numbers;
    const auto number = [&](const std::string &name) {
      const auto [it, added] = numbers.try_emplace(name, names.size());
      if (added) {
        names.push_back(name);
        callees.emplace_back();
        called.push_back(false);
      }
      return it->second;
    };
    for (const auto &[caller, callee] : edges) {
      const std::size_t from = number(caller), to = number(callee);
      callees[from].push_back(to);
      called[to] = true;
    }
  }
};

void print_line(const std::string &name, unsigned level, const char *suffix) {
  const unsigned indent = std::min(level, max_indented_levels);
  if (level > indent)
    std::printf("%*s[%u] %s%s\n", static_cast<int>(2 * indent), "", level, name.c_str(), suffix);
  else
    std::printf("%*s%s%s\n", static_cast<int>(2 * indent), "", name.c_str(), suffix);
}

// Marks what start reaches (iteratively: a chain may be 150000 calls deep).
void mark_reached(const call_graph &graph, std::size_t start, std::vector<bool> &reached) {
  std::vector<std::size_t> pending{start};
  reached[start] = true;
  while (!pending.empty()) {
    const std::size_t node = pending.back();
    pending.pop_back();
    for (const std::size_t callee : graph.callees[node])
      if (!reached[callee]) {
        reached[callee] = true;
        pending.push_back(callee);
      }
  }
}

// Depth first with an explicit stack; each node's callees are printed (expanded) once.
void print_from(const call_graph &graph, std::size_t root, std::optional<unsigned> depth,
                std::vector<bool> &expanded) {
  struct frame {
    std::size_t node;
    unsigned level;
    std::size_t next_callee = 0;
  };
  std::vector<frame> stack;
  const auto visit = [&](std::size_t node, unsigned level) {
    if (expanded[node])
      return print_line(graph.names[node], level, " (see above)");
    const bool has_callees = !graph.callees[node].empty();
    if (has_callees && depth && level >= *depth)
      return print_line(graph.names[node], level, " ...");
    print_line(graph.names[node], level, "");
    expanded[node] = true;
    if (has_callees)
      stack.push_back({node, level});
  };
  visit(root, 0);
  while (!stack.empty()) {
    frame &top = stack.back();
    if (top.next_callee == graph.callees[top.node].size()) {
      stack.pop_back();
      continue;
    }
    const std::size_t callee = graph.callees[top.node][top.next_callee++];
    visit(callee, top.level + 1); // may grow the stack: `top` is not used after
  }
}

} // namespace

void print_call_tree(const std::vector<std::pair<std::string, std::string>> &edges,
                     std::optional<unsigned> depth) {
  const call_graph graph(edges);
  std::vector<std::size_t> starts(graph.names.size());
  std::iota(starts.begin(), starts.end(), std::size_t{0});
  // Roots first; a node still unreached after them is on a cycle nothing else calls.
  std::sort(starts.begin(), starts.end(), [&](std::size_t a, std::size_t b) {
    if (graph.called[a] != graph.called[b])
      return !graph.called[a];
    return graph.names[a] < graph.names[b];
  });
  std::vector<bool> reached(graph.names.size()), expanded(graph.names.size());
  for (const std::size_t start : starts)
    if (!reached[start]) {
      mark_reached(graph, start, reached);
      print_from(graph, start, depth, expanded);
    }
}

} // namespace cachepy::cli
