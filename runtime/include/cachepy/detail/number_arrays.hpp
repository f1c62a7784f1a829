#ifndef CACHEPY_DETAIL_NUMBER_ARRAYS_HPP
#define CACHEPY_DETAIL_NUMBER_ARRAYS_HPP

// Results that are one large std::vector of numbers, the common case of scientific
// code, restored and read straight into memory that the kernel may back with huge
// pages (as numpy does for its arrays): filling 80 MB then costs tens of page faults
// instead of twenty thousand, which is most of the time such a hit takes.

#include "value_codec.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <istream>
#include <type_traits>
#include <vector>

namespace cachepy::detail {

// Asks for huge pages over the part of [data, data + bytes) they can cover, and faults
// the whole range in at once; only worth it, and only done, for fresh memory of several
// megabytes.
void prepare_fresh_memory(const void *data, std::size_t bytes) noexcept;

template <class T> struct is_number_vector : std::false_type {};
template <class T>
struct is_number_vector<std::vector<T, std::allocator<T>>>
    : std::bool_constant<std::is_arithmetic<T>::value && !std::is_same<T, bool>::value> {};

template <class T> void copy_numbers(std::vector<T> &out, const std::vector<T> &from) {
  out.reserve(from.size());
  prepare_fresh_memory(out.data(), from.size() * sizeof(T));
  out.insert(out.end(), from.begin(), from.end());
}

// A copy of a result, for the memory layer: the copy it keeps and the copies it hands
// out. Arrays of numbers go into huge-page memory both ways: a kept array in 4 KiB
// pages costs a hit from memory a TLB miss every 4 KiB.
template <class T> T copy_of(const T &value) {
  if constexpr (is_number_vector<T>::value) {
    T out;
    copy_numbers(out, value);
    return out;
  } else {
    return value;
  }
}

// Reads what cereal's binary archive writes for a vector of numbers (a 64-bit count,
// then the elements), which must be the whole payload.
template <class T>
void read_numbers(std::istream &in, std::vector<T> &out, std::uint64_t payload_size) {
  std::uint64_t count = 0;
  if (payload_size < sizeof count || (payload_size - sizeof count) % sizeof(T) != 0 ||
      !in.read(reinterpret_cast<char *>(&count), sizeof count) ||
      count != (payload_size - sizeof count) / sizeof(T))
    throw_unreadable("the entry does not hold an array of this type");
  out.reserve(count);
  prepare_fresh_memory(out.data(), count * sizeof(T));
  // Through a cache-sized chunk rather than resize() and one read: the array's memory
  // is written once, not zeroed first.
  constexpr std::size_t chunk_count = 1024 * 1024 / sizeof(T);
  std::vector<T> chunk(std::min<std::uint64_t>(count, chunk_count));
  while (out.size() < count) {
    const std::size_t n = std::min<std::uint64_t>(count - out.size(), chunk_count);
    if (!in.read(reinterpret_cast<char *>(chunk.data()), static_cast<std::streamsize>(n * sizeof(T))))
      throw_unreadable("the entry's array is cut short");
    out.insert(out.end(), chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(n));
  }
}

} // namespace cachepy::detail

#endif
