#ifndef CACHEPY_DETAIL_COPIES_DEEPLY_HPP
#define CACHEPY_DETAIL_COPIES_DEEPLY_HPP

// Which results the in-process layer (runtime/src/memory/recent_results.hpp) may keep
// as values: a cached function's result type is judged where it is compiled.

#include "contiguous.hpp"
#include "dense_matrix.hpp"
#include "derived.hpp"
#include "filesystem_fwd.hpp"

#include <array>
#include <bitset>
#include <chrono>
#include <complex>
#include <cstddef>
#include <deque>
#include <forward_list>
#include <list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

namespace cachepy::detail {

// Whether a copy of T shares nothing with the original, so that nothing done to a
// value handed out can change the kept one: numbers, byte-copyable classes (no
// pointers), strings, paths, dense matrices, and the standard containers and vocabulary
// types (optional, tuple, complex, durations, ...) of such. Other results (user types,
// smart pointers) are read from their entry on every hit, which always gives an
// independent value.
template <class T, class = void>
struct copies_deeply : std::bool_constant<std::is_arithmetic<T>::value || std::is_enum<T>::value ||
                                          is_byte_copyable<T>::value> {};
template <class... Ts>
struct all_copy_deeply : std::bool_constant<(copies_deeply<std::remove_cv_t<Ts>>::value && ...)> {};
template <class C, class Tr, class A>
struct copies_deeply<std::basic_string<C, Tr, A>> : std::true_type {};
template <class T, class A> struct copies_deeply<std::vector<T, A>> : all_copy_deeply<T> {};
template <class T, class A> struct copies_deeply<std::deque<T, A>> : all_copy_deeply<T> {};
template <class T, class A> struct copies_deeply<std::list<T, A>> : all_copy_deeply<T> {};
template <class T, std::size_t N> struct copies_deeply<std::array<T, N>> : all_copy_deeply<T> {};
template <class V>
struct copies_deeply<V, std::enable_if_t<is_valarray_like<V>::value>>
    : all_copy_deeply<typename V::value_type> {};
template <class M>
struct copies_deeply<M, std::enable_if_t<is_dense_matrix<M>::value>>
    : all_copy_deeply<typename M::Scalar> {};
template <class T> struct copies_deeply<std::optional<T>> : all_copy_deeply<T> {};
template <class... Ts> struct copies_deeply<std::tuple<Ts...>> : all_copy_deeply<Ts...> {};
template <class... Ts> struct copies_deeply<std::variant<Ts...>> : all_copy_deeply<Ts...> {};
template <class A, class B> struct copies_deeply<std::pair<A, B>> : all_copy_deeply<A, B> {};
template <class K, class C, class A> struct copies_deeply<std::set<K, C, A>> : all_copy_deeply<K> {};
template <class K, class H, class E, class A>
struct copies_deeply<std::unordered_set<K, H, E, A>> : all_copy_deeply<K> {};
template <class K, class V, class C, class A>
struct copies_deeply<std::map<K, V, C, A>> : all_copy_deeply<K, V> {};
template <class K, class V, class H, class E, class A>
struct copies_deeply<std::unordered_map<K, V, H, E, A>> : all_copy_deeply<K, V> {};
template <class T, class A> struct copies_deeply<std::forward_list<T, A>> : all_copy_deeply<T> {};
template <class K, class C, class A>
struct copies_deeply<std::multiset<K, C, A>> : all_copy_deeply<K> {};
template <class K, class H, class E, class A>
struct copies_deeply<std::unordered_multiset<K, H, E, A>> : all_copy_deeply<K> {};
template <class K, class V, class C, class A>
struct copies_deeply<std::multimap<K, V, C, A>> : all_copy_deeply<K, V> {};
template <class K, class V, class H, class E, class A>
struct copies_deeply<std::unordered_multimap<K, V, H, E, A>> : all_copy_deeply<K, V> {};
template <> struct copies_deeply<std::monostate> : std::true_type {};
template <std::size_t N> struct copies_deeply<std::bitset<N>> : std::true_type {};
template <class T> struct copies_deeply<std::complex<T>> : all_copy_deeply<T> {};
template <class R, class P>
struct copies_deeply<std::chrono::duration<R, P>> : all_copy_deeply<R> {};
template <class C, class D>
struct copies_deeply<std::chrono::time_point<C, D>> : all_copy_deeply<D> {};
template <> struct copies_deeply<std::filesystem::path> : std::true_type {};

} // namespace cachepy::detail

#endif
