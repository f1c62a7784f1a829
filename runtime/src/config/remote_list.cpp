#include "remote_list.hpp"

#include <algorithm>

namespace cachepy::detail {

bool known_scheme(std::string_view address) {
  for (const std::string_view scheme : {"redis://", "redis+unix:", "http://", "https://"})
    if (address.rfind(scheme, 0) == 0)
      return true;
  return false;
}

std::vector<std::string> split_remote_list(std::string_view text) {
  std::vector<std::string> specs;
  std::size_t start = 0;
  while ((start = text.find_first_not_of(" \t\n", start)) != std::string_view::npos) {
    const std::size_t end = std::min(text.find_first_of(" \t\n", start), text.size());
    const std::string_view piece = text.substr(start, end - start);
    // "redis://h|secret=team shared-key": a piece with no scheme is the rest of the
    // previous remote's value, which then holds a blank and is refused whole; left as
    // a remote of its own, the first would sign with "team".
    if (!specs.empty() && !known_scheme(piece))
      specs.back().append(" ").append(piece);
    else
      specs.emplace_back(piece);
    start = end;
  }
  return specs;
}

std::vector<std::string> remote_specs(const char *environment,
                                      const std::vector<std::string> &configured) {
  return environment ? split_remote_list(environment) : configured;
}

} // namespace cachepy::detail
