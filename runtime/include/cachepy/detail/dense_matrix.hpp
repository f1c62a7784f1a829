#ifndef CACHEPY_DETAIL_DENSE_MATRIX_HPP
#define CACHEPY_DETAIL_DENSE_MATRIX_HPP

// Eigen's dense Matrix and Array, fixed or dynamic, either storage order, recognized by
// their members: the runtime neither includes nor links Eigen, and a translation unit
// that does gets them stored. Written as its rows, its columns, then its coefficients
// in storage order, one run (hashing or storing 80 MB is one pass over the block):
//   {"rows": 2, "cols": 3, "data": [1, 2, 3, 4, 5, 6]}

#include "value_archive.hpp"

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace cachepy::detail {

// A plain object (not a Map, Block or expression: their PlainObject is another type)
// with a compile-time shape, its coefficients at data(), resizable.
template <class M, class = void> struct is_dense_matrix : std::false_type {};
template <class M>
struct is_dense_matrix<
    M, std::void_t<typename M::Scalar, typename M::PlainObject, decltype(M::RowsAtCompileTime),
                   decltype(M::ColsAtCompileTime),
                   decltype(std::declval<const M &>().data()),
                   decltype(std::declval<M &>().resize(1, 1))>>
    : std::is_same<typename M::PlainObject, M> {};

// The coefficients, as a node of their own: in JSON an array, in the binary formats a
// count and the block (the count checks a payload's shape against its data).
template <class T> struct coefficients {
  T *data;
  std::size_t count;
};
template <class T> void CEREAL_SAVE_FUNCTION_NAME(value_writer &ar, const coefficients<T> &run) {
  ar(cereal::make_size_tag(static_cast<cereal::size_type>(run.count)));
  save_run(ar, run.data, run.count);
}
template <class T> void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, coefficients<T> &run) {
  cereal::size_type count = 0;
  ar(cereal::make_size_tag(count));
  if (count != run.count)
    throw_unreadable("cachepy: a matrix whose data does not match its shape");
  load_run(ar, run.data, run.count);
}

template <class M, cereal::traits::EnableIf<is_dense_matrix<M>::value> = cereal::traits::sfinae>
void CEREAL_SAVE_FUNCTION_NAME(value_writer &ar, const M &matrix) {
  const std::int64_t rows = matrix.rows(), cols = matrix.cols();
  ar(cereal::make_nvp("rows", rows), cereal::make_nvp("cols", cols),
     cereal::make_nvp("data", coefficients<const typename M::Scalar>{
                                  matrix.data(), static_cast<std::size_t>(matrix.size())}));
}

// A fixed dimension must be what was stored; a dynamic one at most what the payload
// could hold (every coefficient takes a byte or more), so that a forged shape cannot
// ask for a huge allocation.
template <class M>
bool fits_shape(std::int64_t rows, std::int64_t cols, std::uint64_t bytes_left) {
  constexpr auto fixed_rows = static_cast<std::int64_t>(M::RowsAtCompileTime);
  constexpr auto fixed_cols = static_cast<std::int64_t>(M::ColsAtCompileTime);
  if (rows < 0 || cols < 0 || (fixed_rows >= 0 && rows != fixed_rows) ||
      (fixed_cols >= 0 && cols != fixed_cols))
    return false;
  return cols == 0 ||
         static_cast<std::uint64_t>(rows) <= bytes_left / static_cast<std::uint64_t>(cols);
}

template <class M, cereal::traits::EnableIf<is_dense_matrix<M>::value> = cereal::traits::sfinae>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, M &matrix) {
  std::int64_t rows = 0, cols = 0;
  ar(cereal::make_nvp("rows", rows), cereal::make_nvp("cols", cols));
  if (!fits_shape<M>(rows, cols, ar.source().bytes_left()))
    throw_unreadable("cachepy: a matrix shape this type or payload cannot hold");
  matrix.resize(rows, cols);
  coefficients<typename M::Scalar> run{matrix.data(), static_cast<std::size_t>(matrix.size())};
  ar(cereal::make_nvp("data", run));
}

} // namespace cachepy::detail

#endif
