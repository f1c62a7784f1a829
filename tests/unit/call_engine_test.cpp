#include "scratch_dir.hpp"
#include "storage/local/entry_format.hpp"
#include "test_site.hpp"

#include <cachepy/detail/call.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <thread>

#include <xxhash.h>

namespace cachepy::detail {
namespace {

int value_of_body = 0;
auto body = [] { return value_of_body; };
using int_call = typed_call<int, decltype(body)>;

int run(const function_site &site, const std::string &dir, const result_ops &ops,
        format_choice format = format_choice::binary) {
  int_call call{body, std::nullopt};
  run_cached_call(site, dir, key{}, key{7, 7}, format, ops, &call);
  return *call.slot;
}

// Replaces the payload of the one entry under `dir`, with a checksum that matches.
void forge_payload(const std::string &dir, const std::string &payload) {
  for (const auto &file : std::filesystem::recursive_directory_iterator(dir)) {
    if (file.path().extension() != ".cpy")
      continue;
    entry_header header;
    std::ifstream(file.path(), std::ios::binary).read(reinterpret_cast<char *>(&header), sizeof header);
    header.payload_size = payload.size();
    header.payload_checksum = XXH3_64bits(payload.data(), payload.size());
    std::ofstream out(file.path(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char *>(&header), sizeof header);
    out << payload;
  }
}

// Where a forced call and a normal call of the same key meet: the normal call starts
// reading the old entry while the forced call writes the new one, and finishes
// reading once the forced call has returned.
std::promise<void> reading_old_entry;
std::promise<void> forced_call_returned;

TEST(CallEngine, AForceRacingANormalCallLeavesTheForcedValueInMemory) {
  const cachepy::testing::scratch_dir scratch("call-engine");
  const function_site site = cachepy::testing::test_site("engine_test::value", "_Z5valuev", {1, 1});

  // The old entry, on disk only (a value the engine may not keep).
  result_ops not_kept = int_call::ops;
  not_kept.keep = nullptr;
  not_kept.forget = nullptr;
  value_of_body = 1;
  ASSERT_EQ(run(site, scratch.path(), not_kept), 1);

  result_ops writes_when_old_is_read = int_call::ops;
  writes_when_old_is_read.encode = [](const void *call, value_format format, std::ostream &out) {
    reading_old_entry.get_future().wait();
    int_call::encode(call, format, out);
  };
  result_ops reads_until_force_returned = int_call::ops;
  reads_until_force_returned.decode = [](void *call, value_format format, std::istream &in,
                                         std::uint64_t size) {
    reading_old_entry.set_value();
    forced_call_returned.get_future().wait();
    int_call::decode(call, format, in, size);
  };

  value_of_body = 2;
  std::thread forced([&] {
    const call_mode_scope force(call_mode::force);
    EXPECT_EQ(run(site, scratch.path(), writes_when_old_is_read), 2);
  });
  std::thread normal([&] {
    EXPECT_EQ(run(site, scratch.path(), reads_until_force_returned), 1); // read before the force
  });
  forced.join();
  forced_call_returned.set_value();
  normal.join();

  value_of_body = 3;
  EXPECT_EQ(run(site, scratch.path(), int_call::ops), 2);
}

result_ops disk_only() {
  result_ops ops = int_call::ops;
  ops.keep = nullptr;
  ops.forget = nullptr;
  return ops;
}

// A std::string cache directory may hold a NUL; every path handed to the system would
// be cut there, into another directory.
TEST(CallEngine, ACacheDirectoryWithANulRunsUncachedAndWritesNowhere) {
  const cachepy::testing::scratch_dir scratch("call-engine-nul");
  const function_site site = cachepy::testing::test_site("engine_test::nul", "_Z3nulv", {1, 1});
  const std::string cut_here = scratch.path() + std::string("\0/elsewhere", 11);
  value_of_body = 1;
  EXPECT_EQ(run(site, cut_here, disk_only()), 1);
  value_of_body = 2;
  EXPECT_EQ(run(site, cut_here, disk_only()), 2);
  EXPECT_FALSE(std::filesystem::exists(scratch.path()));
}

TEST(CallEngine, ADirectoryEveryoneCanWriteInRunsUncached) {
  const cachepy::testing::scratch_dir scratch("call-engine-open");
  const function_site site = cachepy::testing::test_site("engine_test::open", "_Z4openv", {1, 1});
  std::filesystem::create_directories(scratch.path());
  std::filesystem::permissions(scratch.path(), std::filesystem::perms::all);
  value_of_body = 1;
  EXPECT_EQ(run(site, scratch.path(), disk_only()), 1);
  value_of_body = 2;
  EXPECT_EQ(run(site, scratch.path(), disk_only()), 2);
  EXPECT_TRUE(std::filesystem::is_empty(scratch.path())); // nothing stored, no lock left
}

// Bytes with a valid checksum that no program wrote (an unsigned remote's, say): JSON
// nested 400,000 deep crashed RapidJSON's recursive parser on every run. Now it is a
// miss with one warning, and the recomputed value replaces it.
TEST(CallEngine, ADeeplyNestedJsonEntryIsAMissWithOneWarning) {
  const cachepy::testing::scratch_dir scratch("call-engine-deep-json");
  const function_site site = cachepy::testing::test_site("engine_test::deep", "_Z4deepv", {1, 1});
  const result_ops not_kept = disk_only(); // read from the file every time
  value_of_body = 1;
  ASSERT_EQ(run(site, scratch.path(), not_kept, format_choice::json), 1);
  forge_payload(scratch.path(), std::string(400000, '['));

  value_of_body = 2;
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(run(site, scratch.path(), not_kept, format_choice::json), 2);
  EXPECT_EQ(run(site, scratch.path(), not_kept, format_choice::json), 2);
  const std::string warnings = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(warnings.find("unreadable entry"), std::string::npos) << warnings;
  EXPECT_EQ(warnings.find("unreadable entry"), warnings.rfind("unreadable entry")) << warnings;
}

} // namespace
} // namespace cachepy::detail
