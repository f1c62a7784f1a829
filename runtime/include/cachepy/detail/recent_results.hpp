#ifndef CACHEPY_DETAIL_RECENT_RESULTS_HPP
#define CACHEPY_DETAIL_RECENT_RESULTS_HPP

// The in-process layer in front of the disk: results this process recently read or
// stored, kept as values, so that a repeated hit costs a key derivation, a lookup and
// a copy instead of a file read and a decode. Bounded by the configuration's
// memory_mb (least recently used first out; sizes are the entries' payload sizes).
// It sees only what this process did: an entry another process forces or removes
// keeps its old value here until this process forgets it.

#include "contiguous.hpp"
#include "dense_matrix.hpp"
#include "derived.hpp"
#include "hit_counter.hpp"
#include "key.hpp"

#include <array>
#include <bitset>
#include <chrono>
#include <complex>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <deque>
#include <filesystem>
#include <forward_list>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
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

// One identity per C++ type, without RTTI: kept values are only given back to the
// type that kept them.
template <class T> struct type_tag {
  static constexpr char id = 0;
};

struct kept_value {
  std::shared_ptr<const void> value;
  const void *type = nullptr;
  hit_count *hits = nullptr;
};

// The value kept for (cache_dir, k), or an empty value. Hits from memory are uses of
// the entry too: once a day, `refresh` receives its file, whose modification time
// (what cache_prune ages) the caller then refreshes.
kept_value find_recent(std::string_view cache_dir, const key &k, std::string &refresh,
                       std::time_t now = std::time(nullptr));

// Counts forget_recent calls: a value read before a concurrent `force` forgot its key
// must not be kept over the forced one, so keep_recent takes the count seen before
// the value was read and keeps nothing if it has moved since. A force forgets once its
// new entry is in place, so a read that saw the old entry always began before.
std::uint64_t recent_generation();

// Whether a value of this size is worth a copy: small ones always, large ones that this
// process computed (the common pattern is a miss, then hits) or read twice (a one-off
// read of a large result is not copied).
bool worth_keeping(std::string_view cache_dir, const key &k, std::uint64_t size,
                   std::size_t limit, bool computed);

void keep_recent(std::string_view cache_dir, const key &k, kept_value kept,
                 std::string entry_file, std::uint64_t size, std::size_t limit,
                 std::uint64_t generation);

// Returns the generation it began, under which the forced value may be kept.
std::uint64_t forget_recent(std::string_view cache_dir, const key &k);

} // namespace cachepy::detail

#endif
