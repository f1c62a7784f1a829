#ifndef CACHEPY_TYPES_COMPLEX_HPP
#define CACHEPY_TYPES_COMPLEX_HPP

// std::complex as cereal/types/complex.hpp writes and reads it (its real part, then its
// imaginary part, named "real" and "imag"), for the value archives, without <complex>
// (detail/std_fwd.hpp). Where the user's code includes cereal's header too, these,
// taking our archives, are the more specialized and win.

#include "../detail/std_fwd.hpp"
#include "../detail/value_archive.hpp"

namespace cachepy::detail {

template <class T>
void CEREAL_SAVE_FUNCTION_NAME(value_writer &ar, const std::complex<T> &z) {
  ar(cereal::make_nvp("real", z.real()), cereal::make_nvp("imag", z.imag()));
}

template <class T> void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, std::complex<T> &z) {
  T real, imag;
  ar(cereal::make_nvp("real", real), cereal::make_nvp("imag", imag));
  z = {real, imag};
}

} // namespace cachepy::detail

#endif
