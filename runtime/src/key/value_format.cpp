// The values' formats by name (configuration, attribute, entry headers): apart from
// the call sites, so that the configuration module has them without the rest.

#include <cachepy/detail/function_site.hpp>

namespace cachepy::detail {

const char *format_name(value_format format) {
  switch (format) {
  case value_format::binary:
    return "binary";
  case value_format::portable_binary:
    return "portable_binary";
  case value_format::json:
    return "json";
  }
  return "unknown";
}

bool parse_format(std::string_view name, value_format &format) {
  for (value_format candidate : {value_format::binary, value_format::portable_binary, value_format::json})
    if (name == format_name(candidate)) {
      format = candidate;
      return true;
    }
  return false;
}

} // namespace cachepy::detail
