#ifndef CACHEPY_DETAIL_SERIALIZABLE_HPP
#define CACHEPY_DETAIL_SERIALIZABLE_HPP

// Compile-time checks with one readable error each. Clang prints the failed
// requirement, e.g. "argument_check<Matrix>::hashable", which names the type.

#include "hash_archive.hpp"

#include <cereal/archives/binary.hpp>

#include <type_traits>

namespace cachepy::detail {

template <class T>
struct is_hashable_argument : cereal::traits::is_output_serializable<T, hash_archive> {};

template <class T>
struct is_storable_result
    : std::bool_constant<
          cereal::traits::is_output_serializable<T, cereal::BinaryOutputArchive>::value &&
          cereal::traits::is_input_serializable<T, cereal::BinaryInputArchive>::value> {};
template <> struct is_storable_result<void> : std::true_type {};

// Each check is a static_assert on a trait of T, so that the error names the type.
template <class T> struct argument_check {
  static_assert(is_hashable_argument<T>::value,
                "cachepy: this argument type cannot enter the cache key. Make it "
                "serializable with cereal: give it a member "
                "`template <class Archive> void serialize(Archive &ar) { ar(field1, "
                "field2); }`, or include the cereal/types/ header for it; or leave "
                "the parameter out of the key with ignore=[\"name\"]");
};

template <class T> struct result_check {
  static_assert(!std::is_reference<T>::value,
                "cachepy: a cached function cannot return a reference");
  static_assert(is_storable_result<T>::value,
                "cachepy: this result type cannot be stored. Make it serializable with "
                "cereal: give it a member `template <class Archive> void "
                "serialize(Archive &ar) { ar(field1, field2); }`, or include the "
                "cereal/types/ header for it");
  static_assert(std::is_void<T>::value || std::is_default_constructible<T>::value,
                "cachepy: a cached result type must be default-constructible, so that a "
                "hit can load into it");
};

// The same verdicts as plain booleans, to stop at the first error: after a failed
// check the caller compiles the body uncached instead of piling up cereal's errors.
template <class T> constexpr bool is_usable_result() {
  return !std::is_reference<T>::value && is_storable_result<T>::value &&
         (std::is_void<T>::value || std::is_default_constructible<T>::value);
}

} // namespace cachepy::detail

#endif
