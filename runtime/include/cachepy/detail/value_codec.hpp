#ifndef CACHEPY_DETAIL_VALUE_CODEC_HPP
#define CACHEPY_DETAIL_VALUE_CODEC_HPP

// Results to bytes and back, in the entry's format, through the
// entry file's stream. The format's archive lives in the library; the caller's code
// sees only value_writer and value_reader.

#include "function_ref.hpp"
#include "function_site.hpp"
#include "value_archive.hpp"

#include <iosfwd>

namespace cachepy::detail {

void encode_value(std::ostream &out, value_format format, function_ref<void(value_writer &)> write);

// Throws (cereal::Exception) when the stream, of payload_size bytes, does not hold what
// `read` asks for; a size read from it is never trusted beyond payload_size.
void decode_value(std::istream &in, value_format format, std::uint64_t payload_size,
                  function_ref<void(value_reader &)> read);

} // namespace cachepy::detail

#endif
