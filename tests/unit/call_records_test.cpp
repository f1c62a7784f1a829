#include "key/call_record_note.hpp"
#include "key/call_records.hpp"
#include "test_site.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

namespace cachepy::detail {
namespace {

struct test_record {
  std::uint64_t name, high, low;
  std::vector<std::pair<std::uint64_t, std::string>> callees;
};

namespace layout = call_record_note;

template <class T> void append(std::string &out, T value) {
  out.append(reinterpret_cast<const char *>(&value), sizeof value);
}

template <class T> void put(std::string &out, std::size_t offset, T value) {
  std::memcpy(out.data() + offset, &value, sizeof value);
}

// A note as plugin/CallRecords.cpp writes it.
std::string note(const test_record &record, std::uint32_t type = layout::type,
                 const char (&name)[sizeof layout::name] = layout::name) {
  std::string desc(layout::fixed_desc_size, '\0'), names;
  put(desc, layout::record_name_offset, record.name);
  put(desc, layout::ast_hash_high_offset, record.high);
  put(desc, layout::ast_hash_low_offset, record.low);
  put(desc, layout::callee_count_offset, static_cast<std::uint32_t>(record.callees.size()));
  for (const auto &[callee, text] : record.callees) {
    append(desc, callee);
    names += text + '\0';
  }
  names.resize((names.size() + 3) / 4 * 4, '\0');
  desc += names;
  std::string out;
  append(out, static_cast<std::uint32_t>(sizeof name));
  append(out, static_cast<std::uint32_t>(desc.size()));
  append(out, type);
  out.append(name, sizeof name);
  return out + desc;
}

record_index index_of(const std::string &notes) {
  record_index index;
  index.add_notes(reinterpret_cast<const unsigned char *>(notes.data()), notes.size(), 4);
  return index;
}

// root (1) calls middle (2, another file), which calls leaf (3), plain_helper (no
// record) and, recursively, root.
std::vector<test_record> graph() {
  return {{1, 1, 2, {{2, "middle"}}},
          {2, 3, 4, {{3, "leaf"}, {9, "plain_helper"}, {1, "root"}}},
          {3, 5, 6, {}}};
}

std::string notes_of(const std::vector<test_record> &records) {
  std::string out;
  for (const test_record &record : records)
    out += note(record);
  return out;
}

key site_hash(const std::vector<test_record> &records) {
  return with_other_files({10, 20}, index_of(notes_of(records)), 1, "root", false);
}

TEST(CallRecords, TheIndexReadsEachRecordFromItsNote) {
  const record_index index = index_of(notes_of(graph()));
  const call_record *middle = index.find(2);
  ASSERT_NE(middle, nullptr);
  EXPECT_EQ(middle->ast_hash, (key{3, 4}));
  EXPECT_EQ(middle->callees, (std::vector<std::uint64_t>{3, 9, 1}));
  EXPECT_EQ(index.find(9), nullptr);
}

TEST(CallRecords, TheFirstModuleWinsForAName) {
  record_index index;
  const std::string first = note({5, 1, 1, {}}), second = note({5, 2, 2, {}});
  index.add_notes(reinterpret_cast<const unsigned char *>(first.data()), first.size(), 4);
  index.add_notes(reinterpret_cast<const unsigned char *>(second.data()), second.size(), 4);
  EXPECT_EQ(index.find(5)->ast_hash, (key{1, 1}));
}

TEST(CallRecords, OtherNotesAndMalformedOnesAreSkipped) {
  const std::string other_name = note({5, 1, 1, {}}, 1, "GNU\0\0\0\0");
  const std::string other_type = note({6, 1, 1, {}}, 3);
  std::string truncated = note({7, 1, 1, {{1, "x"}}});
  truncated.resize(truncated.size() - 4);
  const record_index index = index_of(other_name + other_type + note({8, 1, 1, {}}) + truncated);
  EXPECT_EQ(index.find(5), nullptr);
  EXPECT_EQ(index.find(6), nullptr);
  EXPECT_NE(index.find(8), nullptr);
  EXPECT_EQ(index.find(7), nullptr);
  // A callee count beyond the description.
  std::string overlong = note({4, 1, 1, {}});
  overlong[12 + sizeof layout::name + layout::callee_count_offset] = 100;
  EXPECT_EQ(index_of(overlong).find(4), nullptr);
}

// Notes are 4- or 8-byte aligned, as readelf requires (0 and 1 mean 4); a segment
// aligned otherwise (an older plugin's notes padded by AddressSanitizer: 32) or by a
// damaged program header is skipped whole, and nothing past it is read.
TEST(CallRecords, ASegmentAlignedOtherwiseIsSkipped) {
  const std::string notes = note({5, 1, 1, {}});
  const auto records_at = [&](std::size_t align) {
    const std::vector<unsigned char> segment(notes.begin(), notes.end());
    record_index index;
    index.add_notes(segment.data(), segment.size(), align);
    return index.find(5) != nullptr;
  };
  EXPECT_TRUE(records_at(0));
  EXPECT_TRUE(records_at(4));
  EXPECT_FALSE(records_at(32));
  EXPECT_FALSE(records_at(std::size_t{1} << 63));
  EXPECT_FALSE(records_at(~std::size_t{0}));
}

// Zeros between notes read as empty notes (12 bytes each); sizes past the segment end
// it.
TEST(CallRecords, EmptyNotesAreSkippedAndSizesPastTheSegmentEndIt) {
  std::string padded = std::string(12, '\0') + note({5, 1, 1, {}}) + std::string(24, '\0');
  padded += note({6, 1, 1, {}});
  EXPECT_NE(index_of(padded).find(5), nullptr);
  EXPECT_NE(index_of(padded).find(6), nullptr);
  for (const std::size_t field : {0, 4}) { // the name's size, the description's
    std::string huge = note({7, 1, 1, {}}) + note({8, 1, 1, {}});
    put(huge, field, std::uint32_t{0xfffffff0});
    const std::vector<unsigned char> segment(huge.begin(), huge.end());
    record_index index;
    index.add_notes(segment.data(), segment.size(), 4);
    EXPECT_EQ(index.find(7), nullptr);
    EXPECT_EQ(index.find(8), nullptr);
  }
}

TEST(CallRecords, WithoutRecordOrCalleesTheKeyIsThePluginsHash) {
  EXPECT_EQ(site_hash({}), (key{10, 20}));
  EXPECT_EQ(site_hash({{1, 1, 2, {}}}), (key{10, 20}));
}

TEST(CallRecords, AChangeAnywhereReachableChangesTheKeyAndARevertRestoresIt) {
  std::vector<test_record> records = graph();
  const key original = site_hash(records);
  EXPECT_NE(original, (key{10, 20}));
  records[2].low = 7; // two levels down
  EXPECT_NE(site_hash(records), original);
  records[2].low = 6;
  EXPECT_EQ(site_hash(records), original);
  // The walk starts at the root's callees: its own hash is the plugin's, already given.
  records[0].low = 99;
  EXPECT_EQ(site_hash(records), original);
}

TEST(CallRecords, TheOrderOfCalleesAndRecordsDoesNotMatter) {
  std::vector<test_record> records = graph();
  const key original = site_hash(records);
  std::swap(records[1].callees[0], records[1].callees[2]);
  std::swap(records[0], records[2]);
  EXPECT_EQ(site_hash(records), original);
}

TEST(CallRecords, VerboseSitesNameTheCalleesWithoutRecordOnce) {
  ::testing::internal::CaptureStderr();
  with_other_files({10, 20}, index_of(notes_of(graph())), 1, "root", true);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(),
            "cachepy: root: changes to plain_helper() are not seen (compiled without the "
            "cachepy plugin)\n");
}

TEST(CallRecords, ASiteWithoutRecordNameKeepsThePluginsHash) {
  EXPECT_EQ(cachepy::testing::test_site("root", "_Z4rootv", {10, 20}).ast_hash, (key{10, 20}));
}

} // namespace
} // namespace cachepy::detail
