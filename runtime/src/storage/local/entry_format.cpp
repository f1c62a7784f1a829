#include "entry_format.hpp"

#include <cstdint>
#include <cstring>
#include <xxhash.h>

namespace cachepy::detail {

entry_header make_header(const key &k, value_format format, std::uint64_t payload_size,
                         std::uint64_t payload_checksum, std::uint64_t written_at_ms) {
  entry_header header{};
  std::memcpy(header.magic, entry_magic, sizeof header.magic);
  header.version = format_version;
  header.format_id = static_cast<std::uint32_t>(format);
  header.key_high = k.high;
  header.key_low = k.low;
  header.payload_size = payload_size;
  header.payload_checksum = payload_checksum;
  header.written_at_ms = written_at_ms;
  return header;
}

bool is_expired(const entry_header &header, std::uint64_t now_ms,
                std::uint64_t max_age_seconds) {
  constexpr std::uint64_t never = UINT64_MAX / 1000; // max_age_seconds * 1000 would overflow
  return max_age_seconds < never && now_ms > header.written_at_ms &&
         now_ms - header.written_at_ms > max_age_seconds * 1000;
}

const char *header_problem(const entry_header &header, const key &k, value_format format,
                           std::uint64_t payload_size) {
  if (std::memcmp(header.magic, entry_magic, sizeof header.magic) != 0)
    return "not a cachepy entry";
  if (header.version != format_version)
    return "written by another format version";
  if (header.format_id != static_cast<std::uint32_t>(format))
    return "written in another format";
  if (header.key_high != k.high || header.key_low != k.low)
    return "holds another key";
  if (header.payload_size != payload_size)
    return "truncated payload";
  return nullptr;
}

decoded_entry decode_entry(std::string_view file, const key &k, value_format format) {
  decoded_entry result;
  entry_header header;
  if (file.size() < sizeof header) {
    result.problem = "truncated header";
    return result;
  }
  std::memcpy(&header, file.data(), sizeof header);
  const std::string_view payload = file.substr(sizeof header);
  if (const char *problem = header_problem(header, k, format, payload.size()))
    result.problem = problem;
  else if (header.payload_checksum != XXH3_64bits(payload.data(), payload.size()))
    result.problem = checksum_problem;
  else {
    result.ok = true;
    result.payload = payload;
  }
  return result;
}

} // namespace cachepy::detail
