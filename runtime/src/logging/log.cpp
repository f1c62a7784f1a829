#include <cachepy/detail/call.hpp>
#include <cachepy/detail/logging.hpp>

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>

namespace cachepy::detail {
namespace {

void write_line(const char *level, std::string_view message) {
  static std::mutex stderr_mutex;
  std::lock_guard<std::mutex> lock(stderr_mutex);
  std::fprintf(stderr, "cachepy: %s%.*s\n", level, static_cast<int>(message.size()),
               message.data());
}

bool verbose_from_env() {
  static const bool verbose = [] {
    const char *value = std::getenv("CACHEPY_VERBOSE");
    return value && *value && std::string_view(value) != "0";
  }();
  return verbose;
}

} // namespace

void log_info(std::string_view message) { write_line("", message); }
void log_warning(std::string_view message) { write_line("warning: ", message); }

void log_event(const function_site &site, const key &k, const char *event) {
  if (!site.verbose && !verbose_from_env())
    return;
  log_info(site.qualified_name + " [" + k.hex().substr(0, 12) + "]: " + event);
}

} // namespace cachepy::detail
