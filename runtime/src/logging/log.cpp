#include <cachepy/detail/function_site.hpp>
#include <cachepy/detail/key.hpp>

#include "logging.hpp"

#include "../util/once_per_key.hpp"

#include <cstdio>
#include <filesystem>
#include <mutex>
#include <string>
#include <system_error>

namespace cachepy::detail {
namespace {

void write_line(const char *level, std::string_view message) {
  static std::mutex &stderr_mutex = *new std::mutex; // never destroyed: see once_per_key
  std::lock_guard<std::mutex> lock(stderr_mutex);
  std::fprintf(stderr, "cachepy: %s%.*s\n", level, static_cast<int>(message.size()),
               message.data());
}

} // namespace

void log_info(std::string_view message) { write_line("", message); }
void log_warning(std::string_view message) { write_line("warning: ", message); }

void log_warning_once(const std::string &what, std::string_view message) {
  static once_per_key &warned = *new once_per_key;
  if (warned.first(what))
    log_warning(message);
}

void log_event(const function_site &site, const key &k, std::string_view event) {
  log_info(std::string(site.qualified_name) + " [" + k.hex().substr(0, 12) + "]: " +
           std::string(event));
}

std::string shown_directory(std::string_view dir) {
  std::error_code error; // the working directory may be gone
  const std::filesystem::path absolute = std::filesystem::absolute(dir, error);
  return error ? std::string(dir) : absolute.lexically_normal().string();
}

} // namespace cachepy::detail
