#include "json_writer.hpp"

#include <rapidjson/encodings.h>

#include <string>

namespace cachepy::cli {
namespace {

// The text for RapidJSON's UTF-8 decoder, then NULs: no sequence continues with a NUL,
// so one cut short at the end of the text fails without reading past it.
struct sequence_stream {
  using Ch = char;
  std::string_view text;
  std::size_t taken = 0;

  char Take() {
    const char byte = taken < text.size() ? text[taken] : '\0';
    ++taken;
    return byte;
  }
};

} // namespace

void write_string(json_writer &json, std::string_view text) {
  std::string unicode;
  unicode.reserve(text.size());
  while (!text.empty()) {
    // RapidJSON's decoder refuses what is not UTF-8: a stray or missing continuation
    // byte, an overlong form, a surrogate, beyond U+10FFFF.
    sequence_stream sequence{text};
    unsigned code_point = 0;
    if (rapidjson::UTF8<>::Decode(sequence, &code_point)) {
      unicode.append(text.substr(0, sequence.taken));
      text.remove_prefix(sequence.taken);
    } else {
      unicode += "\xef\xbf\xbd"; // U+FFFD
      text.remove_prefix(1);
    }
  }
  json.String(unicode.data(), static_cast<rapidjson::SizeType>(unicode.size()));
}

} // namespace cachepy::cli
