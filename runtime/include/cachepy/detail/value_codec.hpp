#ifndef CACHEPY_DETAIL_VALUE_CODEC_HPP
#define CACHEPY_DETAIL_VALUE_CODEC_HPP

// Results to bytes and back with cereal's binary archive.

#include <cereal/archives/binary.hpp>

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

template <class T> std::string encode_value(const T &value) {
  std::ostringstream out(std::ios::binary);
  {
    cereal::BinaryOutputArchive archive(out);
    archive(value);
  }
  return std::move(out).str();
}

// Throws cereal::Exception when the payload is shorter than the value needs.
template <class T> void decode_value(std::string_view payload, T &value) {
  view_streambuf buffer(payload);
  std::istream in(&buffer);
  cereal::BinaryInputArchive archive(in);
  archive(value);
}

} // namespace cachepy::detail

#endif
