#include "layout.hpp"

#include <cctype>
#include <cstdlib>
#include <random>
#include <unistd.h>

namespace cachepy::detail::layout {
namespace {

// As key::hex writes them.
bool is_lower_hex(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string sibling(const std::string &function_directory, std::string_view key_hex,
                    const char *suffix) {
  return function_directory + '/' + std::string(key_hex) + suffix;
}

constexpr std::string_view temporary_marker = ".tmp.";

} // namespace

std::string function_directory(std::string_view cache_dir, std::string_view function_dir) {
  std::string directory;
  directory.reserve(cache_dir.size() + function_dir.size() + 1);
  directory.append(cache_dir).append("/").append(function_dir);
  return directory;
}

std::string entry_file(const std::string &function_directory, const key &k) {
  return sibling(function_directory, k.hex(), ".cpy");
}

std::string entry_file(const std::string &function_directory, std::string_view key_hex) {
  return sibling(function_directory, key_hex, ".cpy");
}

std::string lock_file(const std::string &function_directory, std::string_view key_hex) {
  return sibling(function_directory, key_hex, ".lock");
}

std::string computing_file(const std::string &function_directory, std::string_view key_hex) {
  return sibling(function_directory, key_hex, ".computing");
}

std::string manifest_file(const std::string &function_directory) {
  return function_directory + "/manifest";
}

std::string hit_log_file(const std::string &function_directory) {
  return function_directory + "/hits.log";
}

std::string graph_file(std::string_view cache_dir) {
  return std::string(cache_dir) + "/graph.tsv";
}

const std::string &this_host() {
  static const std::string host = [] {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0')
      return std::string("localhost");
    std::string safe(name);
    for (char &c : safe) // a file name part: no separators
      if (c == '/' || c == '\0')
        c = '_';
    return safe;
  }();
  return host;
}

std::string temporary_file(const std::string &final_path) {
  thread_local std::mt19937_64 random{std::random_device{}()};
  return final_path + std::string(temporary_marker) + this_host() + '.' +
         std::to_string(::getpid()) + '.' + key{0, random()}.hex().substr(16);
}

temporary_writer writer_of_temporary(const std::string &name) {
  // "<final>.tmp.<host>.<pid>.<random>": the host may hold dots, so read from the end.
  temporary_writer writer;
  const std::size_t marker = name.find(temporary_marker);
  const std::size_t random_dot = name.rfind('.');
  if (marker == std::string::npos || random_dot == std::string::npos)
    return writer;
  const std::size_t host_begin = marker + temporary_marker.size();
  const std::size_t pid_dot = name.rfind('.', random_dot - 1);
  if (pid_dot == std::string::npos || pid_dot < host_begin + 1)
    return writer;
  const std::string pid = name.substr(pid_dot + 1, random_dot - pid_dot - 1);
  if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos)
    return writer;
  writer.host = name.substr(host_begin, pid_dot - host_begin);
  writer.pid = std::strtol(pid.c_str(), nullptr, 10);
  return writer;
}

bool is_function_directory(const std::string &name) {
  // function_site's sanitized name (letters, digits, '_', '.'; at most 64 of them)
  const std::size_t dash = name.rfind('-');
  if (dash == std::string::npos || dash == 0 || dash > 64 || name.size() - dash - 1 != 8 ||
      !is_lower_hex(std::string_view(name).substr(dash + 1)))
    return false;
  for (std::size_t i = 0; i < dash; ++i)
    if (!std::isalnum(static_cast<unsigned char>(name[i])) && name[i] != '_' && name[i] != '.')
      return false;
  return true;
}

bool is_entry_name(const std::string &name) {
  return name.size() == 36 && ends_with(name, ".cpy") &&
         is_lower_hex(std::string_view(name).substr(0, 32));
}

std::string_view lock_name_key(std::string_view name) {
  if (name.size() != 37 || !ends_with(name, ".lock") || !is_lower_hex(name.substr(0, 32)))
    return {};
  return name.substr(0, 32);
}

namespace {

// What the runtime writes in a function directory under its final name.
bool is_written_name(const std::string &final_name) {
  return is_entry_name(final_name) || final_name == "manifest" || final_name == "hits.log";
}

} // namespace

bool is_temporary_name(const std::string &name) {
  // "<written name>.tmp.<host>.<pid>.<16 hex>", as temporary_file makes them.
  const std::size_t marker = name.find(temporary_marker);
  if (marker == std::string::npos)
    return false;
  const std::size_t random_dot = name.rfind('.');
  return is_written_name(name.substr(0, marker)) && writer_of_temporary(name).pid > 0 &&
         name.size() - random_dot - 1 == 16 &&
         is_lower_hex(std::string_view(name).substr(random_dot + 1));
}

bool is_function_file(const std::string &name) {
  if (name.find(temporary_marker) != std::string::npos)
    return is_temporary_name(name);
  return is_written_name(name) || !lock_name_key(name).empty() ||
         (name.size() == 42 && ends_with(name, ".computing") &&
          is_lower_hex(std::string_view(name).substr(0, 32)));
}

bool is_cache_file(const std::string &name) {
  return name == "graph.tsv";
}

} // namespace cachepy::detail::layout
