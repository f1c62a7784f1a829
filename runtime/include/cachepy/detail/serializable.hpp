#ifndef CACHEPY_DETAIL_SERIALIZABLE_HPP
#define CACHEPY_DETAIL_SERIALIZABLE_HPP

// Compile-time checks with one readable error each. Clang prints the failed
// requirement, e.g. "argument_check<Matrix>::hashable", which names the type.

#include "hash_archive.hpp"

#include <cereal/archives/binary.hpp>

#include <type_traits>

namespace cachepy::detail {

template <class T> struct argument_check {
  static constexpr bool hashable =
      cereal::traits::is_output_serializable<T, hash_archive>::value;
  static_assert(hashable,
                "cachepy: this argument type cannot enter the cache key. Make it "
                "serializable with cereal: give it a member "
                "`template <class Archive> void serialize(Archive &ar) { ar(field1, "
                "field2); }`, or include the cereal/types/ header for it; or leave "
                "the parameter out of the key with ignore=[\"name\"]");
  static constexpr bool value = hashable;
};

template <class T> struct result_check {
  static constexpr bool not_reference = !std::is_reference<T>::value;
  static_assert(not_reference, "cachepy: a cached function cannot return a reference");
  static constexpr bool storable =
      std::is_void<T>::value ||
      (cereal::traits::is_output_serializable<T, cereal::BinaryOutputArchive>::value &&
       cereal::traits::is_input_serializable<T, cereal::BinaryInputArchive>::value);
  static_assert(storable,
                "cachepy: this result type cannot be stored. Make it serializable with "
                "cereal: give it a member `template <class Archive> void "
                "serialize(Archive &ar) { ar(field1, field2); }`, or include the "
                "cereal/types/ header for it");
  static constexpr bool default_constructible =
      std::is_void<T>::value || std::is_default_constructible<T>::value;
  static_assert(default_constructible,
                "cachepy: a cached result type must be default-constructible, so that a "
                "hit can load into it");
  static constexpr bool value = not_reference && storable && default_constructible;
};

} // namespace cachepy::detail

#endif
