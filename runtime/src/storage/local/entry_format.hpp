#ifndef CACHEPY_STORE_ENTRY_FORMAT_HPP
#define CACHEPY_STORE_ENTRY_FORMAT_HPP

// The layout of one entry file: a fixed header, then the payload. The header carries
// enough to reject anything that is not exactly the entry asked for: a foreign file
// (magic), an older runtime (version), another value format, a file
// renamed or copied over another (key), truncation (size) and damage (checksum). It
// also says when the entry was written, for max_age: a hit refreshes the file's
// modification time, which is its last use, not its age.

#include <cachepy/detail/key.hpp>
#include <cachepy/detail/function_site.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace cachepy::detail {

struct entry_header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t format_id;
  std::uint64_t key_high;
  std::uint64_t key_low;
  std::uint64_t payload_size;
  std::uint64_t payload_checksum;
  std::uint64_t written_at_ms; // milliseconds since the epoch
};
static_assert(sizeof(entry_header) == 56, "entry header must have no padding");

inline constexpr char entry_magic[8] = {'C', 'A', 'C', 'H', 'E', 'P', 'Y', '\x01'};

entry_header make_header(const key &k, value_format format, std::uint64_t payload_size,
                         std::uint64_t payload_checksum, std::uint64_t written_at_ms);

// Whether an entry written at header.written_at_ms is older than max_age_seconds at
// now_ms.
bool is_expired(const entry_header &header, std::uint64_t now_ms,
                std::uint64_t max_age_seconds);

// What is wrong with a header read from a file whose payload has payload_size bytes,
// for an entry asked for by k and format; nullptr when nothing is.
const char *header_problem(const entry_header &header, const key &k, value_format format,
                           std::uint64_t payload_size);

// The checksum's wording, shared by the whole-file and the streaming checks.
inline constexpr const char *checksum_problem = "checksum mismatch";

// Returns the payload's position in `file` when every check passes; otherwise fills
// `problem` and returns an empty view with ok == false.
struct decoded_entry {
  bool ok = false;
  std::string_view payload;
  const char *problem = "";
};
decoded_entry decode_entry(std::string_view file, const key &k, value_format format);

} // namespace cachepy::detail

#endif
