#include "inspect.hpp"

#include "../../codec/json_check.hpp"

#include "entry_format.hpp"
#include "layout.hpp"

#include <cachepy/detail/hit_counter.hpp>

#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>

namespace cachepy::detail {
namespace {

namespace fs = std::filesystem;

key key_from_hex(const std::string &hex) {
  return key{std::stoull(hex.substr(0, 16), nullptr, 16),
             std::stoull(hex.substr(16, 16), nullptr, 16)};
}

void add_hits(const std::string &function_dir, std::vector<entry_info> &entries) {
  const std::map<std::string, unsigned long> hits = read_hit_log(function_dir);
  for (entry_info &entry : entries) {
    const auto it = hits.find(entry.key_hex);
    if (it != hits.end())
      entry.hits = it->second;
  }
}

} // namespace

cache_listing list_cache(const std::string &dir) {
  std::error_code error;
  if (!fs::is_directory(dir, error))
    throw std::runtime_error(dir + ": no such cache directory");
  cache_listing listing;
  for (const fs::directory_entry &item : fs::directory_iterator(dir)) {
    const std::string name = item.path().filename().native();
    if (!item.is_directory()) {
      if (!layout::is_cache_file(name))
        listing.foreign.push_back(item.path().native());
      continue;
    }
    if (!layout::is_function_directory(name)) {
      listing.foreign.push_back(item.path().native());
      continue;
    }
    function_info function{name, name.substr(0, name.rfind('-')), {}};
    for (const fs::directory_entry &file : fs::directory_iterator(item.path())) {
      const std::string file_name = file.path().filename().native();
      if (!layout::is_function_file(file_name)) {
        listing.foreign.push_back(file.path().native());
        continue;
      }
      if (!layout::is_entry_name(file_name))
        continue;
      struct stat info;
      if (::stat(file.path().c_str(), &info) != 0)
        continue;
      function.entries.push_back({file.path().native(), file_name.substr(0, 32),
                                  static_cast<std::uint64_t>(info.st_size), info.st_mtime});
    }
    add_hits(item.path().native(), function.entries);
    listing.functions.push_back(std::move(function));
  }
  return listing;
}

cache_listing open_cache(const std::string &dir) {
  cache_listing listing = list_cache(dir);
  if (!listing.foreign.empty())
    throw std::runtime_error(dir + " is not a cachepy cache directory (it holds " +
                             listing.foreign.front() + ")");
  return listing;
}

std::vector<entry_info> all_entries(const cache_listing &listing) {
  std::vector<entry_info> entries;
  for (const function_info &function : listing.functions)
    entries.insert(entries.end(), function.entries.begin(), function.entries.end());
  return entries;
}

double age_days(std::time_t modified, std::time_t now) {
  return std::difftime(now, modified) / 86400.0;
}

std::uint64_t total_size(const std::vector<entry_info> &entries) {
  std::uint64_t bytes = 0;
  for (const entry_info &entry : entries)
    bytes += entry.size;
  return bytes;
}

std::string verify_entry(const entry_info &entry) {
  std::ifstream in(entry.path, std::ios::binary);
  if (!in)
    return "unreadable";
  std::stringstream bytes;
  bytes << in.rdbuf();
  const std::string file = bytes.str();
  entry_header header{};
  if (file.size() >= sizeof header)
    std::memcpy(&header, file.data(), sizeof header);
  const value_format format = static_cast<value_format>(header.format_id);
  const decoded_entry decoded = decode_entry(file, key_from_hex(entry.key_hex), format);
  if (!decoded.ok)
    return decoded.problem;
  // Intact, yet no program could read it: JSON that is malformed or nests too deep
  // (the binary formats cannot be judged without the value's type).
  if (format == value_format::json)
    if (const char *problem = json_problem(decoded.payload))
      return std::string("undecodable: ") + problem;
  return std::string();
}

std::vector<std::pair<std::string, std::string>> read_call_graph(const std::string &dir) {
  std::vector<std::pair<std::string, std::string>> edges;
  std::set<std::pair<std::string, std::string>> seen;
  std::ifstream in(layout::graph_file(dir));
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos)
      continue;
    std::pair<std::string, std::string> edge{line.substr(0, tab), line.substr(tab + 1)};
    if (seen.insert(edge).second)
      edges.push_back(std::move(edge));
  }
  return edges;
}

} // namespace cachepy::detail
