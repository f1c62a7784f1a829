#ifndef CACHEPY_DETAIL_NUMBER_ARRAYS_HPP
#define CACHEPY_DETAIL_NUMBER_ARRAYS_HPP

// Results that are one large std::vector of numbers (or of byte-copyable classes) or
// one dense matrix, the common case of scientific code, restored and read straight
// into memory that the kernel may back with huge pages (as numpy does for its arrays):
// filling 80 MB then costs tens of page faults instead of twenty thousand, which is
// most of the time such a hit takes.

#include "dense_matrix.hpp"
#include "derived.hpp"
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

// A vector of numbers or of byte-copyable classes (Point3 {double x, y, z;}), and a
// dense matrix of them: what the binary format writes for them is a short header then
// their elements' bytes, which these read and copy straight.
template <class T> struct is_byte_vector : std::false_type {};
template <class T>
struct is_byte_vector<std::vector<T, std::allocator<T>>> : is_byte_copyable<T> {};
template <> struct is_byte_vector<std::vector<bool>> : std::false_type {};

template <class T, bool = is_dense_matrix<T>::value> struct is_byte_matrix : std::false_type {};
template <class T> struct is_byte_matrix<T, true> : is_byte_copyable<typename T::Scalar> {};

template <class T>
inline constexpr bool is_byte_array = is_byte_vector<T>::value || is_byte_matrix<T>::value;

// The `count` values written into empty out's reserved memory become its elements,
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

// A matrix's coefficients are not initialized by resize(): no take_reserved needed.
template <class M> void copy_numbers(M &out, const M &from) {
  out.resize(from.rows(), from.cols());
  copy_to_fresh(out.data(), from.data(),
                static_cast<std::size_t>(from.size()) * sizeof(typename M::Scalar));
}

// A copy of a result, for the memory layer: the copy it keeps and the copies it hands
// out. Arrays go into huge-page memory both ways: a kept array in 4 KiB pages costs a
// hit from memory a TLB miss every 4 KiB.
template <class T> T copy_of(const T &value) {
  if constexpr (is_byte_array<T>) {
    T out;
    copy_numbers(out, value);
    return out;
  } else {
    return value;
  }
}

// Reads what the binary format writes for a vector (a 64-bit count, then the
// elements), which must be the whole payload.
template <class T>
void read_array(std::istream &in, std::vector<T> &out, std::uint64_t payload_size) {
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

// The same for a matrix (rows, columns and count, 64-bit each, then the coefficients).
template <class M, std::enable_if_t<is_byte_matrix<M>::value, int> = 0>
void read_array(std::istream &in, M &out, std::uint64_t payload_size) {
  using scalar = typename M::Scalar;
  std::int64_t shape[3] = {}; // rows, cols, count
  if (payload_size < sizeof shape || !in.read(reinterpret_cast<char *>(shape), sizeof shape) ||
      !fits_shape<M>(shape[0], shape[1], payload_size) || shape[2] != shape[0] * shape[1] ||
      payload_size - sizeof shape != static_cast<std::uint64_t>(shape[2]) * sizeof(scalar))
    throw_unreadable("the entry does not hold a matrix of this type");
  out.resize(shape[0], shape[1]);
  if (!read_to_fresh(in, out.data(), static_cast<std::size_t>(shape[2]) * sizeof(scalar)))
    throw_unreadable("the entry's matrix is cut short");
}

} // namespace cachepy::detail

#endif
