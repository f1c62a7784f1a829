#include "storage/local/entry_format.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <xxhash.h>

namespace cachepy::detail {
namespace {

const key some_key{0x0123456789abcdefULL, 0xfedcba9876543210ULL};

// A whole entry file in memory, as the store writes it.
std::string encode_entry(const key &k, value_format format, std::string_view payload) {
  const entry_header header = make_header(k, format, payload.size(),
                                          XXH3_64bits(payload.data(), payload.size()), 0);
  std::string file(sizeof header + payload.size(), '\0');
  std::memcpy(file.data(), &header, sizeof header);
  std::memcpy(file.data() + sizeof header, payload.data(), payload.size());
  return file;
}

TEST(EntryFormat, RoundTripsThePayload) {
  const std::string file = encode_entry(some_key, value_format::binary, "payload bytes");
  const decoded_entry entry = decode_entry(file, some_key, value_format::binary);
  ASSERT_TRUE(entry.ok) << entry.problem;
  EXPECT_EQ(entry.payload, "payload bytes");
}

TEST(EntryFormat, AnEntryExpiresOnlyPastItsMaxAgeCountedFromItsWriteTime) {
  const std::uint64_t written_ms = 1'000'000;
  const entry_header header = make_header(some_key, value_format::binary, 0, 0, written_ms);
  EXPECT_FALSE(is_expired(header, written_ms + 10'000, 10));
  EXPECT_TRUE(is_expired(header, written_ms + 10'001, 10));
  EXPECT_FALSE(is_expired(header, written_ms - 5'000, 1)); // a clock set back
  EXPECT_FALSE(is_expired(header, written_ms + 36'000'000, 213503982335ull * 86400)); // no overflow
}

TEST(EntryFormat, RoundTripsAnEmptyPayload) {
  const std::string file = encode_entry(some_key, value_format::binary, "");
  EXPECT_TRUE(decode_entry(file, some_key, value_format::binary).ok);
}

struct damage_case {
  const char *name;
  void (*damage)(std::string &file);
  const char *problem;
};

// Names the case in test listings instead of dumping its bytes.
void PrintTo(const damage_case &c, std::ostream *out) { *out << c.name; }

class EntryFormatDamage : public ::testing::TestWithParam<damage_case> {};

TEST_P(EntryFormatDamage, IsRejectedWithItsReason) {
  std::string file = encode_entry(some_key, value_format::binary, "a payload of some length");
  GetParam().damage(file);
  const decoded_entry entry = decode_entry(file, some_key, value_format::binary);
  EXPECT_FALSE(entry.ok);
  EXPECT_STREQ(entry.problem, GetParam().problem);
}

INSTANTIATE_TEST_SUITE_P(
    AllKinds, EntryFormatDamage,
    ::testing::Values(
        damage_case{"flipped_payload_byte", [](std::string &f) { f.back() ^= 0x40; },
                    "checksum mismatch"},
        damage_case{"truncated_payload", [](std::string &f) { f.resize(f.size() - 3); },
                    "truncated payload"},
        damage_case{"truncated_header", [](std::string &f) { f.resize(20); },
                    "truncated header"},
        damage_case{"empty_file", [](std::string &f) { f.clear(); }, "truncated header"},
        damage_case{"foreign_file", [](std::string &f) { f[0] = 'X'; },
                    "not a cachepy entry"},
        damage_case{"other_version", [](std::string &f) { f[8] ^= 0x7; },
                    "written by another format version"},
        damage_case{"other_backend", [](std::string &f) { f[12] ^= 0x2; },
                    "written in another format"},
        damage_case{"other_key", [](std::string &f) { f[16] ^= 0x1; },
                    "holds another key"}),
    [](const auto &info) { return std::string(info.param.name); });

} // namespace
} // namespace cachepy::detail
