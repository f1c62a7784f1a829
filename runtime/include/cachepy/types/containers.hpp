#ifndef CACHEPY_TYPES_CONTAINERS_HPP
#define CACHEPY_TYPES_CONTAINERS_HPP

// The standard node containers as cereal writes and reads them, but read as
// value_archive.hpp reads a vector: grown as their elements are decoded, never sized to
// the stored count first (cereal resizes a forward_list and reserves an unordered
// container to it, which a forged count turns into an allocation the payload does not
// hold), and with equal keys kept in the order they were written (cereal's hint put
// each before the last in a multimap or multiset, reversing them).

#include "../detail/value_archive.hpp"

#include <cereal/types/forward_list.hpp>
#include <cereal/types/map.hpp>
#include <cereal/types/set.hpp>
#include <cereal/types/unordered_map.hpp>
#include <cereal/types/unordered_set.hpp>

#include <algorithm>
#include <type_traits>

namespace cachepy::detail {

template <class Container, class = void> struct is_map : std::false_type {};
template <class Container>
struct is_map<Container, std::void_t<typename Container::mapped_type>> : std::true_type {};
template <class Container, class = void> struct is_unordered : std::false_type {};
template <class Container>
struct is_unordered<Container, std::void_t<typename Container::hasher>> : std::true_type {};

// One element decoded (a map's as cereal's key/value item), put after the one before
// it: an ordered container inserts at its end (the elements come sorted, so each
// insertion is constant time), an unordered one next to the last (libstdc++ keeps
// equal keys in that order when the hint is one of them).
template <class Container> void load_keyed(value_reader &ar, Container &out) {
  cereal::size_type count = 0;
  ar(cereal::make_size_tag(count));
  out.clear();
  if constexpr (is_unordered<Container>::value) {
    const std::uint64_t room = ar.source().bytes_left() / sizeof(typename Container::value_type);
    out.reserve(static_cast<std::size_t>(std::min(count, room)));
  }
  auto last = out.end();
  for (std::uint64_t i = 0; i < count; ++i) {
    const auto hint = is_unordered<Container>::value ? last : out.end();
    typename Container::key_type key;
    if constexpr (is_map<Container>::value) {
      typename Container::mapped_type value;
      ar(cereal::make_map_item(key, value));
      last = out.emplace_hint(hint, std::move(key), std::move(value));
    } else {
      ar(key);
      last = out.emplace_hint(hint, std::move(key));
    }
  }
}

template <class K, class V, class C, class A>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, std::map<K, V, C, A> &out) {
  load_keyed(ar, out);
}
template <class K, class V, class C, class A>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, std::multimap<K, V, C, A> &out) {
  load_keyed(ar, out);
}
template <class K, class C, class A>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, std::set<K, C, A> &out) {
  load_keyed(ar, out);
}
template <class K, class C, class A>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, std::multiset<K, C, A> &out) {
  load_keyed(ar, out);
}
template <class K, class V, class H, class E, class A>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, std::unordered_map<K, V, H, E, A> &out) {
  load_keyed(ar, out);
}
template <class K, class V, class H, class E, class A>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, std::unordered_multimap<K, V, H, E, A> &out) {
  load_keyed(ar, out);
}
template <class K, class H, class E, class A>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, std::unordered_set<K, H, E, A> &out) {
  load_keyed(ar, out);
}
template <class K, class H, class E, class A>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, std::unordered_multiset<K, H, E, A> &out) {
  load_keyed(ar, out);
}

template <class T, class A>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, std::forward_list<T, A> &out) {
  cereal::size_type count = 0;
  ar(cereal::make_size_tag(count));
  out.clear();
  auto last = out.before_begin();
  for (std::uint64_t i = 0; i < count; ++i) {
    last = out.emplace_after(last);
    ar(*last);
  }
}

} // namespace cachepy::detail

#endif
