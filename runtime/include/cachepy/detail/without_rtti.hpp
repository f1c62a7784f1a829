#ifndef CACHEPY_DETAIL_WITHOUT_RTTI_HPP
#define CACHEPY_DETAIL_WITHOUT_RTTI_HPP

// For translation units built with -fno-rtti. cereal names typeid in templates that
// only versioned types and pointers to polymorphic types instantiate, and clang
// rejects every typeid under -fno-rtti, instantiated or not. While the runtime reads
// cereal's headers, rewritten.hpp has typeid stand for typeid_without_rtti, which
// compiles where it is never instantiated and is this one error where it is.

#include <cstddef>
#include <cstdlib>
#include <type_traits>
#include <typeinfo>

namespace cachepy::detail {

template <std::size_t> struct rtti_needed : std::false_type {};

// Size: sizeof of typeid's operand, which may be a type or an expression.
template <std::size_t Size> const std::type_info &typeid_without_rtti() {
  static_assert(rtti_needed<Size>::value,
                "cachepy: this translation unit is built with -fno-rtti, and cereal "
                "needs RTTI (typeid) for versioned types and for pointers to "
                "polymorphic types; build it with -frtti, or leave such a parameter "
                "out of the key with ignore=[\"name\"]");
  std::abort();
}

} // namespace cachepy::detail

#endif
