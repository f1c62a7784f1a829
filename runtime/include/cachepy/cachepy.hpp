#ifndef CACHEPY_CACHEPY_HPP
#define CACHEPY_CACHEPY_HPP

// cachepy for C++: persistent memoization of functions annotated with
// [[cachepy::cache_file("dir")]]. The clang plugin rewrites annotated functions into
// calls to cachepy::detail::call; without the plugin this header is harmless and the
// attribute is ignored, so the program runs uncached.
//
// Results and arguments are serialized with cereal: include the cereal/types/ header
// of each standard type you use (or <cachepy/types.hpp> for all of them).

#include "detail/call.hpp"
#include "types.hpp"

#endif
