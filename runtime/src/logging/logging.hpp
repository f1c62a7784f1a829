#ifndef CACHEPY_DETAIL_LOGGING_HPP
#define CACHEPY_DETAIL_LOGGING_HPP

// The runtime's only voice: one line per event on stderr, prefixed "cachepy:".

#include <string>
#include <string_view>

namespace cachepy::detail {

struct function_site;
struct key;

void log_info(std::string_view message);
void log_warning(std::string_view message);
// Warns the first time `what` goes wrong in this process, so that a broken cache
// directory gives one line, not one per call.
void log_warning_once(const std::string &what, std::string_view message);
// "<function> [<short key>]: <event>", for verbose cached functions.
void log_event(const function_site &site, const key &k, std::string_view event);
// A cache directory as a log line names it: absolute, since a relative one depends on
// the working directory of each call; as given where that cannot be resolved.
std::string shown_directory(std::string_view dir);

} // namespace cachepy::detail

#endif
