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

template <backend Format> struct archives;
template <> struct archives<backend::binary> {
  using output = cereal::BinaryOutputArchive;
  using input = cereal::BinaryInputArchive;
};
template <> struct archives<backend::portable_binary> {
  using output = cereal::PortableBinaryOutputArchive;
  using input = cereal::PortableBinaryInputArchive;
};
template <> struct archives<backend::json> {
  using output = cereal::JSONOutputArchive;
  using input = cereal::JSONInputArchive;
};

// Reads a payload in place instead of copying it into a std::istringstream.
class view_streambuf : public std::streambuf {
public:
  explicit view_streambuf(std::string_view bytes) {
    char *begin = const_cast<char *>(bytes.data());
    setg(begin, begin, begin + bytes.size());
  }
};

template <backend Format, class T> std::string encode_value(const T &value) {
  std::ostringstream out(std::ios::binary);
  {
    typename archives<Format>::output archive(out);
    archive(value);
  } // the JSON archive completes its document when destroyed
  return std::move(out).str();
}

// Throws (cereal::Exception) when the payload does not hold a T.
template <backend Format, class T> void decode_value(std::string_view payload, T &value) {
  view_streambuf buffer(payload);
  std::istream in(&buffer);
  typename archives<Format>::input archive(in);
  archive(value);
}

} // namespace cachepy::detail

#endif
