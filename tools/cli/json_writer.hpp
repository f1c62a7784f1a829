#ifndef CACHEPY_CLI_JSON_WRITER_HPP
#define CACHEPY_CLI_JSON_WRITER_HPP

// Just enough JSON for --json output: strings escaped, numbers as given.

#include <string>
#include <string_view>

namespace cachepy::cli {

inline std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      static const char digits[] = "0123456789abcdef";
      out += "\\u00";
      out += digits[(c >> 4) & 0xf];
      out += digits[c & 0xf];
    } else {
      out += c;
    }
  }
  return out + '"';
}

} // namespace cachepy::cli

#endif
