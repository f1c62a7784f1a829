#ifndef CACHEPY_DETAIL_SERIALIZABLE_HPP
#define CACHEPY_DETAIL_SERIALIZABLE_HPP

// Compile-time checks with one readable error each. Clang prints the failed
// requirement, e.g. "argument_check<Matrix>::hashable", which names the type.

#include "derived.hpp"
#include "value_archive.hpp"

#include <string_view>
#include <type_traits>

namespace cachepy::detail {

// Raw pointers are answered before cereal is asked: its traits stop at a hard error.
template <class T>
struct is_hashable_argument
    : std::conjunction<std::negation<std::is_pointer<T>>,
                       cereal::traits::is_output_serializable<T, value_writer>> {};
template <> struct is_hashable_argument<const char *> : std::true_type {};
template <> struct is_hashable_argument<char *> : std::true_type {};
template <> struct is_hashable_argument<std::string_view> : std::true_type {};

template <class T>
struct is_storable_result
    : std::conjunction<
          std::negation<std::is_pointer<T>>,
          cereal::traits::is_output_serializable<T, value_writer>,
          cereal::traits::is_input_serializable<T, value_reader>> {};
template <> struct is_storable_result<void> : std::true_type {};

// Each check is a static_assert on a trait of T, so that the error names the type;
// pointers have their own message, so these traits let them pass.
template <class T>
struct argument_type_is_serializable
    : std::disjunction<std::is_pointer<T>, is_hashable_argument<T>> {};
template <class T>
struct result_type_is_serializable
    : std::disjunction<std::is_pointer<T>, is_storable_result<T>> {};

template <class T> struct argument_check {
  static_assert(!std::is_pointer<T>::value || is_hashable_argument<T>::value,
                "cachepy: a raw pointer argument cannot enter the cache key (its address "
                "means nothing in another run); pass the value, a reference to it, or "
                "leave the parameter out of the key with ignore=[\"name\"]");
  static_assert(argument_type_is_serializable<T>::value,
                "cachepy: this argument type cannot enter the cache key. Make it "
                "serializable with cereal: give it a member "
                "`template <class Archive> void serialize(Archive &ar) { ar(field1, "
                "field2); }`, or include the cereal/types/ header for it; or leave "
                "the parameter out of the key with ignore=[\"name\"]");
};

template <class T> struct result_check {
  static_assert(!std::is_reference<T>::value,
                "cachepy: a cached function cannot return a reference");
  static_assert(!std::is_pointer<T>::value,
                "cachepy: a cached function cannot return a raw pointer (its address "
                "means nothing in another run); return a value or a std::unique_ptr");
  static_assert(result_type_is_serializable<T>::value,
                "cachepy: this result type cannot be stored. Make it serializable with "
                "cereal: give it a member `template <class Archive> void "
                "serialize(Archive &ar) { ar(field1, field2); }`, or include the "
                "cereal/types/ header for it");
  static_assert(std::is_void<T>::value || std::is_default_constructible<T>::value ||
                    constructs_derived<T>,
                "cachepy: a cached result type must be default-constructible, so that a "
                "hit can load into it");
};

// The same verdicts as plain booleans, to stop at the first error: after a failed
// check the caller compiles the body uncached instead of piling up cereal's errors.
template <class T> constexpr bool is_usable_result() {
  return !std::is_reference<T>::value && is_storable_result<T>::value &&
         (std::is_void<T>::value || std::is_default_constructible<T>::value ||
          constructs_derived<T>);
}

} // namespace cachepy::detail

#endif
