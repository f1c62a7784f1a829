#ifndef CACHEPY_DETAIL_NUMBER_ARRAYS_HPP
#define CACHEPY_DETAIL_NUMBER_ARRAYS_HPP

// Results that are one large std::vector of numbers (or of byte-copyable classes) or
// one dense matrix, the common case of scientific code, restored and read straight
// into memory that the kernel may back with huge pages (as numpy does for its arrays):
// filling 80 MB then costs tens of page faults instead of twenty thousand, which is
// most of the time such a hit takes.

#include "dense_matrix.hpp"
#include "derived.hpp"
#include "function_ref.hpp"
#include "value_codec.hpp"

#include <cstddef>
#include <cstdint>
#include <istream>
#include <type_traits>
#include <vector>

namespace cachepy::detail {

// Fills fresh memory, `bytes` at `to` (an empty vector's reserved memory), through its
// owner: append(n) writes its next n bytes (a vector appends them), n = `piece` (a whole
// number of elements) but for the last. Each piece's memory is faulted in, in huge
// pages, just before (see runtime/src/util/fresh_pages.hpp), so only the kernel
// touches a vector's memory past its size. False if an append returns false.
bool append_to_fresh(void *to, std::size_t bytes, std::size_t piece,
                     function_ref<bool(std::size_t)> append);

// A piece for append_to_fresh: about 1 MiB of whole elements, small enough that a
// piece read into a buffer is still in the CPU's cache when it is appended.
template <class T> constexpr std::size_t piece_bytes() {
  constexpr std::size_t elements = (std::size_t{1} << 20) / sizeof(T);
  return (elements == 0 ? 1 : elements) * sizeof(T);
}

// The same for memory that may be written in place (a matrix's, a buffer's).
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

template <class T> void copy_numbers(std::vector<T> &out, const std::vector<T> &from) {
  out.reserve(from.size());
  const T *next = from.data();
  append_to_fresh(out.data(), from.size() * sizeof(T), piece_bytes<T>(), [&](std::size_t bytes) {
    out.insert(out.end(), next, next + bytes / sizeof(T));
    next += bytes / sizeof(T);
    return true;
  });
}

// A matrix's coefficients are not initialized by resize(): it is filled in place.
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
  // Read a piece at a time into a buffer that stays in the CPU's cache, then appended:
  // close to the cost of one copy, where resize() would zero all of it first.
  constexpr std::size_t piece_elements = piece_bytes<T>() / sizeof(T);
  std::vector<T> buffer(count < piece_elements ? count : piece_elements);
  const bool whole = append_to_fresh(
      out.data(), count * sizeof(T), piece_bytes<T>(), [&](std::size_t bytes) {
        if (!in.read(reinterpret_cast<char *>(buffer.data()), static_cast<std::streamsize>(bytes)))
          return false;
        out.insert(out.end(), buffer.begin(), buffer.begin() + bytes / sizeof(T));
        return true;
      });
  if (!whole)
    throw_unreadable("the entry's array is cut short");
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
