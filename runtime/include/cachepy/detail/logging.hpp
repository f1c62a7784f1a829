#ifndef CACHEPY_DETAIL_LOGGING_HPP
#define CACHEPY_DETAIL_LOGGING_HPP

// The runtime's only voice: one line per event on stderr, prefixed "cachepy:".

#include <string_view>

namespace cachepy::detail {

void log_info(std::string_view message);
void log_warning(std::string_view message);

} // namespace cachepy::detail

#endif
