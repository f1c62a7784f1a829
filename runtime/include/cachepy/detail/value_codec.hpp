#ifndef CACHEPY_DETAIL_VALUE_CODEC_HPP
#define CACHEPY_DETAIL_VALUE_CODEC_HPP

// Results to bytes and back, in the entry's storage format (the backend), through the
// entry file's stream.

#include "function_ref.hpp"
#include "function_site.hpp"

#include <cereal/archives/binary.hpp>
#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>

#include <istream>
#include <ostream>

namespace cachepy::detail {

// The archive over a stream, made and destroyed in the library (instantiated there for
// the six archives below): their constructors, destructors and the hash tables in
// cereal's archive bases are then compiled once, not in every translation unit.
template <class Archive, class Stream>
void with_archive(Stream &stream, function_ref<void(Archive &)> use);

template <class OutputArchive, class T> void encode_with(std::ostream &out, const T &value) {
  with_archive<OutputArchive>(out, [&](OutputArchive &archive) { archive(value); });
}

// Throws (cereal::Exception) when the stream does not hold a T.
template <class InputArchive, class T> void decode_with(std::istream &in, T &value) {
  with_archive<InputArchive>(in, [&](InputArchive &archive) { archive(value); });
}

template <backend Format, class T> void encode_value(std::ostream &out, const T &value) {
  if constexpr (Format == backend::binary)
    encode_with<cereal::BinaryOutputArchive>(out, value);
  else if constexpr (Format == backend::portable_binary)
    encode_with<cereal::PortableBinaryOutputArchive>(out, value);
  else
    encode_with<cereal::JSONOutputArchive>(out, value);
}

template <backend Format, class T> void decode_value(std::istream &in, T &value) {
  if constexpr (Format == backend::binary)
    decode_with<cereal::BinaryInputArchive>(in, value);
  else if constexpr (Format == backend::portable_binary)
    decode_with<cereal::PortableBinaryInputArchive>(in, value);
  else
    decode_with<cereal::JSONInputArchive>(in, value);
}

} // namespace cachepy::detail

#endif
