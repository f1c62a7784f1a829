#ifndef CACHEPY_SRC_CODEC_NUMBER_TYPES_HPP
#define CACHEPY_SRC_CODEC_NUMBER_TYPES_HPP

// From a number_kind back to its C++ type, for the formats that need the exact type.

#include <cachepy/detail/value_archive.hpp>

#include <array>
#include <utility>

namespace cachepy::detail {

template <class T> struct number_type {
  using type = T;
};

// Calls f(number_type<T>{}) for the type numbered `kind`; false when there is none.
template <class F, class... T, std::size_t... I>
bool visit_number_kind(number_kind kind, F &&f, type_list<T...>, std::index_sequence<I...>) {
  return ((kind == I ? (f(number_type<T>{}), true) : false) || ...);
}
template <class F> bool visit_number_kind(number_kind kind, F &&f) {
  return visit_number_kind(kind, std::forward<F>(f), number_types{},
                           std::make_index_sequence<number_types::size>{});
}

template <class... T>
constexpr std::array<std::uint8_t, sizeof...(T)> sizes_of(type_list<T...>) {
  return {sizeof(T)...};
}

// The size in bytes of one value of the kind (a raw kind: of one block).
inline std::size_t number_size(number_kind kind) {
  static constexpr auto sizes = sizes_of(number_types{});
  return is_raw(kind) ? raw_block(kind) : kind < sizes.size() ? sizes[kind] : 1;
}

} // namespace cachepy::detail

#endif
