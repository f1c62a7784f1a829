#include "commands.hpp"

#include "call_tree.hpp"
#include "json_writer.hpp"

#include <cachepy/api.hpp>
#include <storage/local/layout.hpp>
#include <storage/local/maintenance.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <stdexcept>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace cachepy::cli {
namespace {

using detail::age_days;
using detail::all_entries;
using detail::cache_listing;
using detail::entry_info;
using detail::function_info;
using detail::open_cache;
using detail::total_size;

double megabytes(std::uint64_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

// A Graphviz quoted ID: only quotes and backslashes need a backslash (ids hold no
// control bytes).
std::string dot_string(std::string_view text) {
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\')
      quoted += '\\';
    quoted += c;
  }
  return quoted + '"';
}

void print_removed(const std::vector<entry_info> &removed, bool dry_run, bool json) {
  if (json) {
    print_json([&](json_writer &out) {
      out.StartObject();
      out.Key("removed");
      out.Uint64(removed.size());
      out.Key("dry_run");
      out.Bool(dry_run);
      out.Key("freed_mb");
      out.Double(megabytes(total_size(removed)));
      out.Key("entries");
      out.StartArray();
      for (const entry_info &entry : removed)
        write_string(out, entry.path);
      out.EndArray();
      out.EndObject();
    });
    return;
  }
  for (const entry_info &entry : removed)
    std::printf("%s %s\n", dry_run ? "would remove" : "removed", entry.path.c_str());
  std::printf("%s %zu entries, %.3f MB\n", dry_run ? "would remove" : "removed",
              removed.size(), megabytes(total_size(removed)));
}

} // namespace

// A decimal number as people write sizes and ages: digits, at most one '.', nothing
// else (strtod would also take a sign, an exponent, hex, "nan" and "inf").
std::optional<double> parse_decimal(std::string_view text) {
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
  const auto digits = [](std::string_view part) {
    return part.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (whole.empty() || !digits(whole) || !digits(fraction) ||
      (dot != std::string_view::npos && fraction.empty()))
    return std::nullopt;
  const double number = std::strtod(std::string(text).c_str(), nullptr);
  return std::isfinite(number) ? std::optional(number) : std::nullopt;
}

std::optional<unsigned> parse_depth(const std::string &text) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return static_cast<unsigned>(std::stoul(text));
}

int stats(const std::string &dir, bool json) {
  const detail::cache_summary summary = detail::summarize_cache(dir);
  if (json)
    print_json([&](json_writer &out) {
      out.StartObject();
      out.Key("n_entries");
      out.Uint64(summary.entries);
      out.Key("total_size_mb");
      out.Double(megabytes(summary.bytes));
      out.Key("n_functions");
      out.Uint64(summary.functions);
      out.EndObject();
    });
  else
    std::printf("entries    %zu\nsize       %.3f MB\nfunctions  %zu\n", summary.entries,
                megabytes(summary.bytes), summary.functions);
  return 0;
}

int list(const std::string &dir, bool json) {
  const cache_listing listing = open_cache(dir);
  if (json) {
    print_json([&](json_writer &out) {
      out.StartObject();
      out.Key("functions");
      out.StartArray();
      for (const function_info &function : listing.functions) {
        out.StartObject();
        out.Key("function");
        write_string(out, function.name);
        out.Key("directory");
        write_string(out, function.directory);
        out.Key("entries");
        out.StartArray();
        for (const entry_info &entry : function.entries) {
          out.StartObject();
          out.Key("key");
          write_string(out, entry.key_hex);
          out.Key("size");
          out.Uint64(entry.size);
          out.Key("age_days");
          out.Double(age_days(entry.modified));
          out.Key("hits");
          out.Uint64(entry.hits);
          out.EndObject();
        }
        out.EndArray();
        out.EndObject();
      }
      out.EndArray();
      out.EndObject();
    });
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

int tree(const std::string &dir, bool dot, std::optional<unsigned> depth, bool json) {
  open_cache(dir);
  const detail::call_graph_file graph = detail::read_call_graph(dir);
  if (graph.malformed)
    std::fprintf(stderr, "cachepy: warning: %s: %zu malformed lines skipped\n",
                 detail::layout::graph_file(dir).c_str(), graph.malformed);
  if (json) {
    print_json([&](json_writer &out) {
      out.StartObject();
      out.Key("edges");
      out.StartArray();
      for (const auto &[caller, callee] : graph.edges) {
        out.StartArray();
        write_string(out, caller);
        write_string(out, callee);
        out.EndArray();
      }
      out.EndArray();
      out.EndObject();
    });
    return 0;
  }
  if (dot) {
    std::printf("digraph cachepy {\n");
    for (const auto &[caller, callee] : graph.edges)
      std::printf("  %s -> %s;\n", dot_string(caller).c_str(), dot_string(callee).c_str());
    std::printf("}\n");
    return 0;
  }
  print_call_tree(graph.edges, depth);
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
    if (fix)
      detail::remove_listed_file(entry.path);
  }
  if (json) {
    print_json([&](json_writer &out) {
      out.StartObject();
      out.Key("checked");
      out.Uint64(checked);
      out.Key("fixed");
      out.Bool(fix);
      out.Key("damaged");
      out.StartArray();
      for (const auto &[entry, problem] : damaged) {
        out.StartObject();
        out.Key("path");
        write_string(out, entry.path);
        out.Key("problem");
        write_string(out, problem);
        out.EndObject();
      }
      out.EndArray();
      out.EndObject();
    });
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
    detail::remove_function(dir, info);
  }
  if (function && functions == 0)
    throw std::runtime_error("no function named '" + *function + "' in " + dir +
                             " (see `cachepy ls " + dir + "`)");
  if (!function)
    ::unlink(detail::layout::graph_file(dir).c_str());
  if (json)
    print_json([&](json_writer &out) {
      out.StartObject();
      out.Key("removed_entries");
      out.Uint64(entries);
      out.Key("removed_functions");
      out.Uint64(functions);
      out.EndObject();
    });
  else
    std::printf("removed %zu entries of %zu functions\n", entries, functions);
  return 0;
}

} // namespace cachepy::cli
