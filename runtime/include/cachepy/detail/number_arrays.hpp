#ifndef CACHEPY_DETAIL_NUMBER_ARRAYS_HPP
#define CACHEPY_DETAIL_NUMBER_ARRAYS_HPP

// Results that are one large std::vector of numbers, the common case of scientific
// code, restored and read straight into memory that the kernel may back with huge
// pages (as numpy does for its arrays): filling 80 MB then costs tens of page faults
// instead of twenty thousand, which is most of the time such a hit takes.

#include "value_codec.hpp"

#include <cstddef>
#include <cstdint>
#include <istream>
#include <type_traits>
#include <vector>

namespace cachepy::detail {

// Fill fresh memory, an empty vector's reserved memory: from several megabytes on, in
// huge pages, each faulted in just before it is written, two threads sharing the work
// (see runtime/src/memory/huge_pages.hpp).
void copy_to_fresh(void *to, const void *from, std::size_t bytes) noexcept;
// The same from a stream; false if it ends first.
bool read_to_fresh(std::istream &in, void *to, std::size_t bytes);

template <class T> struct is_number_vector : std::false_type {};
template <class T>
struct is_number_vector<std::vector<T, std::allocator<T>>>
    : std::bool_constant<std::is_arithmetic<T>::value && !std::is_same<T, bool>::value> {};

// The `count` numbers written into empty out's reserved memory become its elements,
// which a vector only allows by copying them: here onto themselves, which glibc's
// memmove returns from at once (resize() would zero them first, a second pass). A
// sanitizer that poisons a vector's spare capacity (libc++'s under ASan) reports it.
template <class T> void take_reserved(std::vector<T> &out, std::size_t count) {
  const T *written = out.data();
  out.insert(out.end(), written, written + count);
}

template <class T> void copy_numbers(std::vector<T> &out, const std::vector<T> &from) {
  out.reserve(from.size());
  copy_to_fresh(out.data(), from.data(), from.size() * sizeof(T));
  take_reserved(out, from.size());
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
  if (!read_to_fresh(in, out.data(), count * sizeof(T)))
    throw_unreadable("the entry's array is cut short");
  take_reserved(out, count);
}

} // namespace cachepy::detail

#endif
