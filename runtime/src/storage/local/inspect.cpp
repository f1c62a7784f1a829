#include "inspect.hpp"

#include "../../codec/json_check.hpp"

#include "entry_format.hpp"
#include "layout.hpp"
#include "../../util/regular_file.hpp"
#include "../../util/file_io.hpp"

#include "hit_counter.hpp"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace cachepy::detail {
namespace {

namespace fs = std::filesystem;

key key_from_hex(const std::string &hex) {
  return key{std::stoull(hex.substr(0, 16), nullptr, 16),
             std::stoull(hex.substr(16, 16), nullptr, 16)};
}

// "<qualified name>:<16 hex>", as call_graph_node makes them; no control bytes, so an
// id printed on a terminal cannot move the cursor or change colors.
bool is_graph_id(std::string_view id) {
  const std::size_t colon = id.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || id.size() - colon - 1 != 16 ||
      id.find_first_not_of("0123456789abcdef", colon + 1) != std::string_view::npos)
    return false;
  for (const char c : id)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      return false;
  return true;
}

void add_hits(const std::string &function_dir, std::vector<entry_info> &entries) {
  const std::map<std::string, unsigned long> hits = read_hit_log(function_dir);
  for (entry_info &entry : entries) {
    const auto it = hits.find(entry.key_hex);
    if (it != hits.end())
      entry.hits = it->second;
  }
}

// A function directory's entries and side files; any other name, or anything that is
// not a regular file, goes to `foreign` (and hits.log is then not read: it may be a FIFO).
function_info list_function(const fs::path &directory, const std::string &name,
                            std::vector<std::string> &foreign) {
  function_info function{name, name.substr(0, name.rfind('-')), {}, {}};
  const std::size_t foreign_before = foreign.size();
  for (const fs::directory_entry &file : fs::directory_iterator(directory)) {
    const std::string file_name = file.path().filename().native();
    struct stat info;
    if (::lstat(file.path().c_str(), &info) != 0)
      continue; // removed since
    if (!S_ISREG(info.st_mode) || !layout::is_function_file(file_name))
      foreign.push_back(file.path().native());
    else if (layout::is_entry_name(file_name))
      function.entries.push_back({file.path().native(), file_name.substr(0, 32),
                                  static_cast<std::uint64_t>(info.st_size), info.st_mtime});
    else
      function.side_files.push_back(file.path().native());
  }
  if (foreign.size() == foreign_before)
    add_hits(directory.native(), function.entries);
  return function;
}

} // namespace

cache_listing list_cache(const std::string &dir) {
  std::error_code error;
  if (!fs::is_directory(dir, error))
    throw std::runtime_error(dir + ": no such cache directory");
  cache_listing listing;
  for (const fs::directory_entry &item : fs::directory_iterator(dir)) {
    const std::string name = item.path().filename().native();
    const fs::file_type type = item.symlink_status().type(); // a link is never followed
    if (type == fs::file_type::directory && layout::is_function_directory(name))
      listing.functions.push_back(list_function(item.path(), name, listing.foreign));
    else if (type != fs::file_type::regular || !layout::is_cache_file(name))
      listing.foreign.push_back(item.path().native());
  }
  return listing;
}

namespace {

// A name someone else chose, as printed: control bytes (an escape sequence that would
// drive the terminal, a newline that would forge a line) as \xNN.
std::string printable(std::string_view name) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string shown;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f)
      shown.append("\\x").append(1, digits[byte >> 4]).append(1, digits[byte & 15]);
    else
      shown += c;
  }
  return shown;
}

} // namespace

cache_listing open_cache(const std::string &dir) {
  cache_listing listing = list_cache(dir);
  if (!listing.foreign.empty())
    throw std::runtime_error(dir + " is not a cachepy cache directory (it holds " +
                             printable(listing.foreign.front()) + ")");
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
  // Listed as a regular file, but it may have been replaced since: never a link or FIFO.
  const std::optional<std::string> read = read_regular_file(entry.path.c_str());
  if (!read)
    return "unreadable";
  const std::string &file = *read;
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

call_graph_file read_call_graph(const std::string &dir) {
  call_graph_file graph;
  const int fd = open_regular_file(layout::graph_file(dir).c_str());
  if (fd < 0)
    return graph;
  std::set<std::pair<std::string, std::string>> seen;
  const auto add_line = [&](std::string_view line) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || !is_graph_id(line.substr(0, tab)) ||
        !is_graph_id(line.substr(tab + 1))) {
      ++graph.malformed;
      return;
    }
    std::pair<std::string, std::string> edge{line.substr(0, tab), line.substr(tab + 1)};
    if (seen.insert(edge).second)
      graph.edges.push_back(std::move(edge));
  };
  // Lines longer than max_graph_line are counted, never held: read in blocks.
  std::string line;
  bool too_long = false;
  char block[64 * 1024];
  ssize_t n;
  while ((n = ::read(fd, block, sizeof block)) != 0) {
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      break;
    for (std::string_view rest(block, static_cast<std::size_t>(n)); !rest.empty();) {
      const std::size_t end = rest.find('\n');
      const std::string_view part = rest.substr(0, end);
      too_long = too_long || line.size() + part.size() > max_graph_line;
      if (!too_long)
        line.append(part);
      if (end == std::string_view::npos)
        break;
      if (too_long)
        ++graph.malformed;
      else
        add_line(line);
      line.clear();
      too_long = false;
      rest.remove_prefix(end + 1);
    }
  }
  ::close(fd);
  if (too_long)
    ++graph.malformed;
  else if (!line.empty())
    add_line(line); // a last line without its newline
  return graph;
}

} // namespace cachepy::detail
