#ifndef CACHEPY_DETAIL_CALL_RECORD_NOTE_HPP
#define CACHEPY_DETAIL_CALL_RECORD_NOTE_HPP

// The layout of a call record's ELF note, which the plugin writes
// (plugin/CallRecords.cpp) and the runtime reads (runtime/src/key/call_records.cpp):
// constants only, so that the plugin includes it without the runtime.
//
// The description, 4-byte aligned and packed:
//   u64 record name (hash of the mangled name), u64 AST hash high, u64 AST hash low,
//   u32 callee count n, n x u64 the callees' record names,
//   n names ending in '\0' (for the verbose log), padded with '\0' to 4 bytes.

#include <cstddef>
#include <cstdint>

namespace cachepy::detail::call_record_note {

inline constexpr char name[] = "cachepy"; // with its '\0'
inline constexpr std::uint32_t type = 1;
inline constexpr char section[] = ".note.cachepy";
static_assert(sizeof name % 4 == 0, "the plugin writes the name without padding");

// The description's fixed fields, each right after the one before.
inline constexpr std::size_t record_name_offset = 0;                         // u64
inline constexpr std::size_t ast_hash_high_offset = record_name_offset + 8;  // u64
inline constexpr std::size_t ast_hash_low_offset = ast_hash_high_offset + 8; // u64
inline constexpr std::size_t callee_count_offset = ast_hash_low_offset + 8;  // u32
inline constexpr std::size_t fixed_desc_size = callee_count_offset + 4;
// Then the callees' record names, u64 each, then their names.
inline constexpr std::size_t callee_size = sizeof(std::uint64_t);

} // namespace cachepy::detail::call_record_note

#endif
