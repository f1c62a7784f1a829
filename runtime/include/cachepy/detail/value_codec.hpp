#ifndef CACHEPY_DETAIL_VALUE_CODEC_HPP
#define CACHEPY_DETAIL_VALUE_CODEC_HPP

// Results to bytes and back, in the entry's storage format (the backend).

#include "function_site.hpp"

#include <cereal/archives/binary.hpp>
#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>

#include <sstream>
#include <streambuf>
#include <string>
#include <string_view>

namespace cachepy::detail {

// Reads a payload in place instead of copying it into a std::istringstream.
class view_streambuf : public std::streambuf {
public:
  explicit view_streambuf(std::string_view bytes) {
    char *begin = const_cast<char *>(bytes.data());
    setg(begin, begin, begin + bytes.size());
  }
};

template <class OutputArchive, class T> std::string encode_with(const T &value) {
  std::ostringstream out(std::ios::binary);
  {
    OutputArchive archive(out);
    archive(value);
  } // the JSON archive completes its document when destroyed
  return std::move(out).str();
}

// Throws (cereal::Exception) when the payload does not hold a T.
template <class InputArchive, class T> void decode_with(std::string_view payload, T &value) {
  view_streambuf buffer(payload);
  std::istream in(&buffer);
  InputArchive archive(in);
  archive(value);
}

template <backend Format, class T> std::string encode_value(const T &value) {
  if constexpr (Format == backend::binary)
    return encode_with<cereal::BinaryOutputArchive>(value);
  else if constexpr (Format == backend::portable_binary)
    return encode_with<cereal::PortableBinaryOutputArchive>(value);
  else
    return encode_with<cereal::JSONOutputArchive>(value);
}

template <backend Format, class T> void decode_value(std::string_view payload, T &value) {
  if constexpr (Format == backend::binary)
    decode_with<cereal::BinaryInputArchive>(payload, value);
  else if constexpr (Format == backend::portable_binary)
    decode_with<cereal::PortableBinaryInputArchive>(payload, value);
  else
    decode_with<cereal::JSONInputArchive>(payload, value);
}

} // namespace cachepy::detail

#endif
