#include "entry_format.hpp"

#include <cstring>

namespace cachepy::detail {

std::string encode_entry(const key &k, backend format, std::string_view payload) {
  entry_header header{};
  std::memcpy(header.magic, entry_magic, sizeof header.magic);
  header.version = format_version;
  header.backend_id = static_cast<std::uint32_t>(format);
  header.key_high = k.high;
  header.key_low = k.low;
  header.payload_size = payload.size();
  header.payload_checksum = XXH3_64bits(payload.data(), payload.size());

  std::string file(sizeof header + payload.size(), '\0');
  std::memcpy(file.data(), &header, sizeof header);
  std::memcpy(file.data() + sizeof header, payload.data(), payload.size());
  return file;
}

decoded_entry decode_entry(std::string_view file, const key &k, backend format) {
  decoded_entry result;
  entry_header header;
  if (file.size() < sizeof header) {
    result.problem = "truncated header";
    return result;
  }
  std::memcpy(&header, file.data(), sizeof header);
  const std::string_view payload = file.substr(sizeof header);
  if (std::memcmp(header.magic, entry_magic, sizeof header.magic) != 0)
    result.problem = "not a cachepy entry";
  else if (header.version != format_version)
    result.problem = "written by another format version";
  else if (header.backend_id != static_cast<std::uint32_t>(format))
    result.problem = "written with another backend";
  else if (header.key_high != k.high || header.key_low != k.low)
    result.problem = "holds another key";
  else if (header.payload_size != payload.size())
    result.problem = "truncated payload";
  else if (header.payload_checksum != XXH3_64bits(payload.data(), payload.size()))
    result.problem = "checksum mismatch";
  else {
    result.ok = true;
    result.payload = payload;
  }
  return result;
}

} // namespace cachepy::detail
