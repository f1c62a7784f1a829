#ifndef CACHEPY_DETAIL_OBJECT_STATE_HPP
#define CACHEPY_DETAIL_OBJECT_STATE_HPP

// The object of a cached const member function (*this), which enters the key like a
// first argument, through its class's serialize or save. The rewrite checks at the
// user's line that the class is serializable (object_is_serializable), so the call's
// own argument checks let the object pass silently.

#include "serializable.hpp"
#include "value_archive.hpp"

#include <type_traits>

namespace cachepy::detail {

template <class T> struct object_state {
  const T &object;
};

template <class T> object_state<T> object_state_of(const T &object) { return {object}; }

// Hashed as the object itself.
template <class T> const T &hashable(const object_state<T> &state) { return state.object; }

template <class Object>
struct object_is_serializable
    : is_hashable_argument<std::remove_cv_t<std::remove_reference_t<Object>>> {};

template <class T> struct is_hashable_argument<object_state<T>> : object_is_serializable<T> {};
template <class T> struct argument_check<object_state<T>> {};

} // namespace cachepy::detail

#endif
