#include "commands.hpp"

#include "json_writer.hpp"

#include <cachepy/api.hpp>
#include <storage/local/maintenance.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <vector>

namespace cachepy::cli {
namespace {

namespace fs = std::filesystem;
using detail::age_days;
using detail::all_entries;
using detail::cache_listing;
using detail::entry_info;
using detail::function_info;
using detail::open_cache;
using detail::total_size;

double megabytes(std::uint64_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

void print_removed(const std::vector<entry_info> &removed, bool dry_run, bool json) {
  if (json) {
    std::printf("{\"removed\": %zu, \"dry_run\": %s, \"freed_mb\": %.6f, \"entries\": [",
                removed.size(), dry_run ? "true" : "false", megabytes(total_size(removed)));
    for (std::size_t i = 0; i < removed.size(); ++i)
      std::printf("%s%s", i ? ", " : "", json_string(removed[i].path).c_str());
    std::printf("]}\n");
    return;
  }
  for (const entry_info &entry : removed)
    std::printf("%s %s\n", dry_run ? "would remove" : "removed", entry.path.c_str());
  std::printf("%s %zu entries, %.3f MB\n", dry_run ? "would remove" : "removed",
              removed.size(), megabytes(total_size(removed)));
}

} // namespace

std::optional<std::uint64_t> parse_size(const std::string &text) {
  std::size_t used = 0;
  double number = 0;
  try {
    number = std::stod(text, &used);
  } catch (const std::exception &) {
    return std::nullopt;
  }
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0])) ||
      !std::isfinite(number))
    return std::nullopt;
  const std::string unit = text.substr(used);
  const std::map<std::string, double> units{{"", 1},           {"B", 1},
                                            {"K", 1024.0},     {"M", 1024.0 * 1024},
                                            {"G", 1024.0 * 1024 * 1024},
                                            {"T", 1024.0 * 1024 * 1024 * 1024}};
  const auto it = units.find(unit);
  if (it == units.end() || number * it->second >= 9.2e18) // beyond what a uint64_t holds
    return std::nullopt;
  return static_cast<std::uint64_t>(number * it->second);
}

int stats(const std::string &dir, bool json) {
  const detail::cache_summary summary = detail::summarize_cache(dir);
  if (json)
    std::printf("{\"n_entries\": %zu, \"total_size_mb\": %.6f, \"n_functions\": %zu}\n",
                summary.entries, megabytes(summary.bytes), summary.functions);
  else
    std::printf("entries    %zu\nsize       %.3f MB\nfunctions  %zu\n", summary.entries,
                megabytes(summary.bytes), summary.functions);
  return 0;
}

int list(const std::string &dir, bool json) {
  const cache_listing listing = open_cache(dir);
  if (json) {
    std::printf("{\"functions\": [");
    for (std::size_t f = 0; f < listing.functions.size(); ++f) {
      const function_info &function = listing.functions[f];
      std::printf("%s{\"function\": %s, \"directory\": %s, \"entries\": [", f ? ", " : "",
                  json_string(function.name).c_str(), json_string(function.directory).c_str());
      for (std::size_t e = 0; e < function.entries.size(); ++e) {
        const entry_info &entry = function.entries[e];
        std::printf("%s{\"key\": %s, \"size\": %llu, \"age_days\": %.4f, \"hits\": %lu}",
                    e ? ", " : "", json_string(entry.key_hex).c_str(),
                    static_cast<unsigned long long>(entry.size), age_days(entry.modified),
                    entry.hits);
      }
      std::printf("]}");
    }
    std::printf("]}\n");
    return 0;
  }
  std::printf("%-40s %8s %12s %14s %8s\n", "FUNCTION", "ENTRIES", "SIZE (MB)",
              "LAST USED (d)", "HITS");
  for (const function_info &function : listing.functions) {
    std::time_t newest = 0;
    unsigned long hits = 0;
    for (const entry_info &entry : function.entries) {
      newest = std::max(newest, entry.modified);
      hits += entry.hits;
    }
    std::printf("%-40s %8zu %12.3f %14.1f %8lu\n", function.directory.c_str(),
                function.entries.size(), megabytes(total_size(function.entries)),
                function.entries.empty() ? 0.0 : age_days(newest), hits);
  }
  return 0;
}

int prune(const std::string &dir, std::optional<double> days_old,
          std::optional<std::uint64_t> max_bytes, bool dry_run, bool json) {
  print_removed(detail::prune_cache(dir, days_old, max_bytes, dry_run), dry_run, json);
  return 0;
}

int tree(const std::string &dir, bool dot, bool json) {
  open_cache(dir);
  const auto edges = detail::read_call_graph(dir);
  if (json) {
    std::printf("{\"edges\": [");
    for (std::size_t i = 0; i < edges.size(); ++i)
      std::printf("%s[%s, %s]", i ? ", " : "", json_string(edges[i].first).c_str(),
                  json_string(edges[i].second).c_str());
    std::printf("]}\n");
    return 0;
  }
  if (dot) {
    std::printf("digraph cachepy {\n");
    for (const auto &[parent, child] : edges)
      std::printf("  %s -> %s;\n", json_string(parent).c_str(), json_string(child).c_str());
    std::printf("}\n");
    return 0;
  }
  std::map<std::string, std::vector<std::string>> children;
  std::set<std::string> nodes, has_parent;
  for (const auto &[parent, child] : edges) {
    children[parent].push_back(child);
    nodes.insert(parent);
    nodes.insert(child);
    has_parent.insert(child);
  }
  std::set<std::string> on_path;
  auto print = [&](const auto &self, const std::string &node, int depth) -> void {
    std::printf("%*s%s\n", depth * 2, "", node.c_str());
    if (!on_path.insert(node).second)
      return; // a cycle: print the node, not its subtree again
    for (const std::string &child : children[node])
      self(self, child, depth + 1);
    on_path.erase(node);
  };
  for (const std::string &node : nodes)
    if (!has_parent.count(node))
      print(print, node, 0);
  return 0;
}

int verify(const std::string &dir, bool fix, bool json) {
  const cache_listing listing = open_cache(dir);
  std::vector<std::pair<entry_info, std::string>> damaged;
  std::size_t checked = 0;
  for (const entry_info &entry : all_entries(listing)) {
    ++checked;
    const std::string problem = detail::verify_entry(entry);
    if (problem.empty())
      continue;
    damaged.emplace_back(entry, problem);
    if (fix) {
      std::error_code ignored;
      fs::remove(entry.path, ignored);
    }
  }
  if (json) {
    std::printf("{\"checked\": %zu, \"fixed\": %s, \"damaged\": [", checked,
                fix ? "true" : "false");
    for (std::size_t i = 0; i < damaged.size(); ++i)
      std::printf("%s{\"path\": %s, \"problem\": %s}", i ? ", " : "",
                  json_string(damaged[i].first.path).c_str(),
                  json_string(damaged[i].second).c_str());
    std::printf("]}\n");
  } else {
    for (const auto &[entry, problem] : damaged)
      std::printf("%s %s: %s\n", fix ? "removed" : "damaged", entry.path.c_str(),
                  problem.c_str());
    std::printf("checked %zu entries, %zu damaged%s\n", checked, damaged.size(),
                fix && !damaged.empty() ? " (removed)" : "");
  }
  return damaged.empty() || fix ? 0 : 1;
}

int clear(const std::string &dir, const std::optional<std::string> &function, bool json) {
  if (function && function->empty())
    throw std::runtime_error("--function: the name of a function (see `cachepy ls " + dir +
                             "`), not \"\"");
  const cache_listing listing = open_cache(dir);
  std::size_t entries = 0, functions = 0;
  for (const function_info &info : listing.functions) {
    if (function && info.name != *function && info.directory != *function)
      continue;
    entries += info.entries.size();
    ++functions;
    std::error_code ignored;
    fs::remove_all(fs::path(dir) / info.directory, ignored);
  }
  if (function && functions == 0)
    throw std::runtime_error("no function named '" + *function + "' in " + dir +
                             " (see `cachepy ls " + dir + "`)");
  if (!function) {
    std::error_code ignored;
    fs::remove(fs::path(dir) / "graph.tsv", ignored);
  }
  if (json)
    std::printf("{\"removed_entries\": %zu, \"removed_functions\": %zu}\n", entries, functions);
  else
    std::printf("removed %zu entries of %zu functions\n", entries, functions);
  return 0;
}

} // namespace cachepy::cli
