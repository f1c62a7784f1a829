#ifndef CACHEPY_CACHEPY_HPP
#define CACHEPY_CACHEPY_HPP

// cachepy for C++: persistent memoization of functions annotated with
// [[cachepy::cache_file("dir")]]. The clang plugin rewrites annotated functions into
// calls to cachepy::detail::call, and defines CACHEPY_REWRITTEN for the translation
// units it rewrites. Without the plugin the attribute is ignored (silently: below) and
// the program runs uncached; this header then only declares the runtime's public
// functions.

#if __cplusplus < 201703L
#error cachepy needs C++17 or later (-std=c++17)
#else

#include "api.hpp"
#include "detail/call_mode.hpp"

#if defined(CACHEPY_REWRITTEN)
// What rewritten functions call, and cereal's support for the common standard types
// so that arguments and results built from them need no further include.
#include "detail/call.hpp"
#include "types.hpp"
#else
// Without the plugin the compiler does not know [[cachepy::cache_file]] and warns at
// each use, which -Werror makes an error (with the plugin it is registered, and
// nothing is silenced). GCC 12 and later ignore the cachepy:: namespace alone, so a
// misspelled attribute of the user's is still reported; older GCC and clang can only
// stop reporting unknown attributes from here to the end of the translation unit.
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wunknown-attributes"
#elif defined(__GNUC__) && __GNUC__ >= 12
#pragma GCC diagnostic ignored_attributes "cachepy::"
#elif defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wattributes"
#endif
#endif

#include <functional>
#include <utility>

namespace cachepy {

// Runs f(args...) with its cached entry ignored and overwritten. Applies to the first
// cached function the call enters, not to the cached calls nested inside it.
template <class F, class... Args> decltype(auto) force(F &&f, Args &&...args) {
  detail::call_mode_scope scope(detail::call_mode::force);
  return std::invoke(std::forward<F>(f), std::forward<Args>(args)...);
}

// Runs f(args...) reading an existing entry but never writing one.
template <class F, class... Args> decltype(auto) skip_save(F &&f, Args &&...args) {
  detail::call_mode_scope scope(detail::call_mode::skip_save);
  return std::invoke(std::forward<F>(f), std::forward<Args>(args)...);
}

} // namespace cachepy

#endif // C++17
#endif
