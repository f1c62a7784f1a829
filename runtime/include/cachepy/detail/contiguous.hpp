#ifndef CACHEPY_DETAIL_CONTIGUOUS_HPP
#define CACHEPY_DETAIL_CONTIGUOUS_HPP

// Standard containers cereal has no header for, or whose header the user's translation
// unit may not include: std::span (C++20) as an argument, std::valarray. Both are
// recognized by their members rather than named, so that this header includes neither
// <span> nor <valarray>, and both are written as a std::vector of the same elements
// is: a span<const double> argument shares its key with the vector<double> it views.

#include "value_archive.hpp"

#include <cstddef>
#include <type_traits>
#include <utility>

namespace cachepy::detail {

// std::span: a view of contiguous elements with a compile-time extent.
template <class T, class = void> struct is_span_like : std::false_type {};
template <class T>
struct is_span_like<T, std::void_t<typename T::element_type, decltype(T::extent),
                                   decltype(std::declval<const T &>().data()),
                                   decltype(std::declval<const T &>().size())>>
    : std::true_type {};

// std::valarray: resizable, with the shifts no other standard container has.
template <class T, class = void> struct is_valarray_like : std::false_type {};
template <class T>
struct is_valarray_like<T, std::void_t<typename T::value_type,
                                       decltype(std::declval<const T &>().cshift(0)),
                                       decltype(std::declval<T &>().resize(std::size_t{}))>>
    : std::true_type {};

template <class T> auto *first_of(T &values) {
  return values.size() == 0 ? nullptr : &values[0];
}

template <class Span, cereal::traits::EnableIf<is_span_like<Span>::value> = cereal::traits::sfinae>
void CEREAL_SAVE_FUNCTION_NAME(value_writer &ar, const Span &view) {
  ar(cereal::make_size_tag(static_cast<cereal::size_type>(view.size())));
  save_run(ar, view.data(), view.size());
}

template <class V, cereal::traits::EnableIf<is_valarray_like<V>::value> = cereal::traits::sfinae>
void CEREAL_SAVE_FUNCTION_NAME(value_writer &ar, const V &values) {
  ar(cereal::make_size_tag(static_cast<cereal::size_type>(values.size())));
  save_run(ar, first_of(values), values.size());
}
// The count is no larger than the payload's bytes (the source checks it), so a forged
// one allocates at most the element's size times the payload.
template <class V, cereal::traits::EnableIf<is_valarray_like<V>::value> = cereal::traits::sfinae>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, V &values) {
  cereal::size_type count = 0;
  ar(cereal::make_size_tag(count));
  values.resize(static_cast<std::size_t>(count));
  load_run(ar, first_of(values), values.size());
}

} // namespace cachepy::detail

#endif
