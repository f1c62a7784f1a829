#ifndef CACHEPY_CONFIG_REMOTE_LIST_HPP
#define CACHEPY_CONFIG_REMOTE_LIST_HPP

// Which remotes a process configures, as text: what the runtime reads before it loads
// the remote module (none configured, none loaded), and what the module's URL parser
// shares with it. Parsing a URL is the module's (remote/remote_url.hpp).

#include <string>
#include <string_view>
#include <vector>

namespace cachepy::detail {

// Whether `address` begins with a scheme remote storage knows.
bool known_scheme(std::string_view address);

// Splits $CACHEPY_REMOTE_STORAGE's value on blanks before each scheme; a piece with no
// scheme stays with the remote before it, whose parse then refuses the blank.
std::vector<std::string> split_remote_list(std::string_view text);

// The remotes in effect: $CACHEPY_REMOTE_STORAGE when set (even empty), else the
// configuration's remote_storage list.
std::vector<std::string> remote_specs(const char *environment,
                                      const std::vector<std::string> &configured);

} // namespace cachepy::detail

#endif
