#ifndef CACHEPY_SRC_CODEC_JSON_CHECK_HPP
#define CACHEPY_SRC_CODEC_JSON_CHECK_HPP

#include <string_view>

namespace cachepy::detail {

// Why a JSON entry's payload cannot be decoded whatever its type: not a JSON document,
// or nested deeper than decoding goes; nullptr when it may be. Parses without
// recursion, so any bytes are safe to ask about.
const char *json_problem(std::string_view payload);

} // namespace cachepy::detail

#endif
