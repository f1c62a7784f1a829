// Inside each module: the runtime's voice is the program's (module_host), so that a
// warning reads the same wherever it comes from, and "warned once" holds across both.

#include "module_voice.hpp"

#include "../logging/logging.hpp"

namespace cachepy::detail {
namespace {

const module_host *host = nullptr; // set by the module's entry point, before anything else

} // namespace

void speak_through(const module_host &program) { host = &program; }

void log_warning(std::string_view message) { host->warning(message); }

void log_warning_once(const std::string &what, std::string_view message) {
  host->warning_once(what, message);
}

} // namespace cachepy::detail
