#ifndef CACHEPY_CLI_JSON_WRITER_HPP
#define CACHEPY_CLI_JSON_WRITER_HPP

// --json output, written by RapidJSON's Writer: strings escaped whatever they hold.

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>
#include <string_view>

namespace cachepy::cli {

using json_writer = rapidjson::Writer<rapidjson::StringBuffer>;

// Text as a JSON string. Paths and names are bytes and JSON is Unicode: each byte that
// is not part of valid UTF-8 becomes U+FFFD; RapidJSON escapes quotes, backslashes and
// control characters.
void write_string(json_writer &json, std::string_view text);

// One JSON document, as `write(json_writer &)` writes it, and a newline on stdout.
template <class Write> void print_json(Write write) {
  rapidjson::StringBuffer buffer;
  json_writer json(buffer);
  write(json);
  std::fwrite(buffer.GetString(), 1, buffer.GetSize(), stdout);
  std::fputc('\n', stdout);
}

} // namespace cachepy::cli

#endif
