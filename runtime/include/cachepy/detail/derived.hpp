#ifndef CACHEPY_DETAIL_DERIVED_HPP
#define CACHEPY_DETAIL_DERIVED_HPP

// Serialization the plugin derives from a class's definition, for a class with no
// serialize, save or load of its own (plugin/TypeDerivation.h). Per class it writes,
// at global scope before the cached function, one specialization:
//
//   template <> struct cachepy::detail::derived<::ns::Stats> {
//     static constexpr bool available = true;
//     static constexpr bool bytes = false;   // true: trivially copyable, no padding,
//                                            // every byte pattern valid (stored as bytes)
//     static constexpr bool constructs = false; // true: construct() below
//     template <class A> static void fields(A &ar, ::ns::Stats &v) {
//       ar(::cereal::base_class<::ns::Base>(&v));
//       ::cachepy::detail::field(ar, "name", v.name);
//       ::cachepy::detail::field(ar, "secret", v.*member_of(::cachepy_derived::m_1a2b{}));
//       ::cachepy::detail::bit_field(ar, "flags", v.flags, [&](auto x) { v.flags = x; });
//     }
//     // Only for an aggregate that cannot be default-constructed (a const member, a
//     // member without a default constructor): built from its members as loaded.
//     static ::ns::Stats construct(::cachepy::detail::value_reader &ar) {
//       auto m0 = ::cachepy::detail::load_member<std::string>(ar, "name"); ...
//       return ::ns::Stats{std::move(m0), ...};
//     }
//   };

#include "value_archive.hpp"

#include <type_traits>
#include <utility>

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnon-template-friend"
#endif

namespace cachepy::detail {

template <class T> struct derived {
  static constexpr bool available = false;
  static constexpr bool bytes = false;
  static constexpr bool constructs = false;
};

// Private and protected members, reached as the standard allows: the names in an
// explicit instantiation are not access-checked ([temp.spec.general]/6). Per member,
// the plugin writes a tag and an instantiation that gives the tag its member pointer:
//   namespace cachepy_derived { struct m_1a2b : ::cachepy::detail::member_tag<m_1a2b> {}; }
//   template struct ::cachepy::detail::member_pointer<::cachepy_derived::m_1a2b,
//                                                     &::ns::Model::secret>;
template <class Tag> struct member_tag {
  friend constexpr auto member_of(Tag);
};
template <class Tag, auto Pointer> struct member_pointer {
  friend constexpr auto member_of(Tag) { return Pointer; }
};

// A named member, as cereal::make_nvp would pass it, without a NameValuePair type per
// member type to instantiate (a tenth of a small file's compile time). The archives
// are cachepy's own: the only ones that find the derived serialize.
template <class Archive, class Value> void field(Archive &ar, const char *name, Value &value) {
  if constexpr (Archive::is_loading::value)
    ar.source().name_next(name);
  else
    ar.sink().name_next(name);
  ar(value);
}

// A bit-field has no address: its value crosses through a temporary.
template <class Archive, class Value, class Assign>
void bit_field(Archive &ar, const char *name, Value value, Assign assign) {
  field(ar, name, value);
  if constexpr (Archive::is_loading::value)
    assign(value);
}

template <class T>
inline constexpr bool has_derived = derived<std::remove_cv_t<T>>::available;

// Found through the archives (their namespace is this one), as cereal's own
// serialize functions for the standard types are.
template <class Archive, class T, std::enable_if_t<has_derived<T>, int> = 0>
void CEREAL_SERIALIZE_FUNCTION_NAME(Archive &ar, T &value) {
  derived<std::remove_cv_t<T>>::fields(ar, value);
}

template <class T>
inline constexpr bool constructs_derived = derived<std::remove_cv_t<T>>::constructs;

// A value of a class built by construct(), in the node its serialize would open.
template <class T> T construct_value(value_reader &ar) {
  ar.source().begin_node();
  T value = derived<T>::construct(ar);
  ar.source().end_node();
  return value;
}

// One member of a class built by construct(): loaded into a local of its own type.
template <class T> T load_member(value_reader &ar, const char *name) {
  ar.source().name_next(name);
  if constexpr (constructs_derived<T>) {
    return construct_value<T>(ar);
  } else {
    T value{};
    ar(value);
    return value;
  }
}

// Stored as its bytes (one pass, for whole arrays of it): every byte is a member's
// (no padding, whose bytes are indeterminate) and any pattern read back is a valid
// value (no bool, no pointer).
template <class T> struct is_byte_copyable
    : std::bool_constant<(std::is_arithmetic<T>::value && !std::is_same<T, bool>::value) ||
                         derived<std::remove_cv_t<T>>::bytes> {};

} // namespace cachepy::detail

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#endif
