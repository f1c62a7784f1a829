#include "layout.hpp"

#include <cctype>
#include <cstdlib>
#include <random>
#include <unistd.h>

namespace cachepy::detail::layout {
namespace {

bool is_hex(std::string_view text) {
  for (char c : text)
    if (!std::isxdigit(static_cast<unsigned char>(c)))
      return false;
  return !text.empty();
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
  const std::size_t dash = name.rfind('-');
  return dash != std::string::npos && dash > 0 && name.size() - dash - 1 == 8 &&
         is_hex(std::string_view(name).substr(dash + 1));
}

bool is_entry_name(const std::string &name) {
  return name.size() == 36 && ends_with(name, ".cpy") &&
         is_hex(std::string_view(name).substr(0, 32));
}

std::string_view lock_name_key(std::string_view name) {
  if (name.size() != 37 || !ends_with(name, ".lock") || !is_hex(name.substr(0, 32)))
    return {};
  return name.substr(0, 32);
}

bool is_temporary_name(const std::string &name) {
  const std::size_t marker = name.find(temporary_marker);
  if (marker == std::string::npos || writer_of_temporary(name).pid <= 0)
    return false;
  const std::string final_name = name.substr(0, marker);
  return (is_entry_name(final_name) || final_name == "manifest" || final_name == "hits.log") &&
         is_hex(std::string_view(name).substr(name.rfind('.') + 1));
}

bool is_function_file(const std::string &name) {
  // entries, and what locking, writing and verbose logs leave beside them
  const std::string_view stem = std::string_view(name).substr(0, name.find('.'));
  return name == "manifest" || name == "hits.log" || name.rfind("manifest.tmp.", 0) == 0 ||
         name.rfind("hits.log.tmp.", 0) == 0 || (stem.size() == 32 && is_hex(stem));
}

bool is_cache_file(const std::string &name) {
  return name == "graph.tsv";
}

} // namespace cachepy::detail::layout
