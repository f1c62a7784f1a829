#ifndef CACHEPY_DETAIL_FUNCTION_SITE_HPP
#define CACHEPY_DETAIL_FUNCTION_SITE_HPP

// What the plugin knows about one cached function, built once (a function-local static
// in the rewritten body) so that per-call work depends only on the arguments.

#include "key.hpp"

#include <cstdint>
#include <string>

namespace cachepy::detail {

struct function_site {
  // qualified_name: for logs and the entry directory; identity: the mangled name, or
  // __PRETTY_FUNCTION__ for templates so each instantiation is its own function.
  function_site(const char *qualified_name, const char *identity,
                std::uint64_t ast_hash_high, std::uint64_t ast_hash_low,
                const char *version, bool verbose);

  std::string qualified_name;
  std::string directory_name; // sanitized name + identity hash: "ns.transform-1a2b3c4d"
  key hash;
  bool verbose;
};

} // namespace cachepy::detail

#endif
