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

// The cereal archives of each storage format.
template <backend Format> struct archives_of {
  using output = cereal::BinaryOutputArchive;
  using input = cereal::BinaryInputArchive;
};
template <> struct archives_of<backend::portable_binary> {
  using output = cereal::PortableBinaryOutputArchive;
  using input = cereal::PortableBinaryInputArchive;
};
template <> struct archives_of<backend::json> {
  using output = cereal::JSONOutputArchive;
  using input = cereal::JSONInputArchive;
};

template <backend Format, class T> void encode_value(std::ostream &out, const T &value) {
  using archive = typename archives_of<Format>::output;
  with_archive<archive>(out, [&](archive &ar) { ar(value); });
}

// Throws (cereal::Exception) when the stream does not hold a T.
template <backend Format, class T> void decode_value(std::istream &in, T &value) {
  using archive = typename archives_of<Format>::input;
  with_archive<archive>(in, [&](archive &ar) { ar(value); });
}

} // namespace cachepy::detail

#endif
