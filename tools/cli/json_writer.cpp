#include "json_writer.hpp"

#include <string>

namespace cachepy::cli {
namespace {

// The length of the UTF-8 sequence at text[0], or 0 when it is not one (a stray or
// missing continuation byte, an overlong form, a surrogate, beyond U+10FFFF).
std::size_t utf8_length(std::string_view text) {
  const unsigned char lead = static_cast<unsigned char>(text[0]);
  if (lead < 0x80)
    return 1;
  const std::size_t length = lead >= 0xf8   ? 0
                             : lead >= 0xf0 ? 4
                             : lead >= 0xe0 ? 3
                             : lead >= 0xc0 ? 2
                                            : 0;
  if (length == 0 || text.size() < length)
    return 0;
  char32_t code = lead & (0x7f >> length);
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char next = static_cast<unsigned char>(text[i]);
    if ((next & 0xc0) != 0x80)
      return 0;
    code = code << 6 | (next & 0x3f);
  }
  constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
  const bool valid = code >= smallest[length] && code <= 0x10ffff &&
                     !(code >= 0xd800 && code <= 0xdfff);
  return valid ? length : 0;
}

} // namespace

void write_string(json_writer &json, std::string_view text) {
  std::string unicode;
  unicode.reserve(text.size());
  while (!text.empty()) {
    const std::size_t length = utf8_length(text);
    if (length == 0) {
      unicode += "\xef\xbf\xbd"; // U+FFFD
      text.remove_prefix(1);
    } else {
      unicode.append(text.substr(0, length));
      text.remove_prefix(length);
    }
  }
  json.String(unicode.data(), static_cast<rapidjson::SizeType>(unicode.size()));
}

} // namespace cachepy::cli
