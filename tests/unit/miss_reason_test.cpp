#include "scratch_dir.hpp"
#include "test_site.hpp"

#include "storage/local/miss_reason.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace cachepy::detail {
namespace {

TEST(MissReason, SaysWhatChangedSinceTheLastStore) {
  const cachepy::testing::scratch_dir scratch("reason");
  const std::string &dir = scratch.path();
  std::filesystem::create_directories(dir);
  const function_site v1 = cachepy::testing::test_site("f", "_Z1fi", {1, 1}, "1");
  const function_site v1_edited = cachepy::testing::test_site("f", "_Z1fi", {1, 2}, "1");
  const function_site v2 = cachepy::testing::test_site("f", "_Z1fi", {1, 1}, "2");
  // A member added to a stored type changes the hash too (the function reads it).
  const function_site v1_type_edited = cachepy::testing::test_site("f", "_Z1fi", {1, 2}, "1", 7);

  EXPECT_EQ(miss_reason(v1, dir, key{}), "first execution");
  note_stored(v1, dir, key{});
  EXPECT_EQ(miss_reason(v1, dir, key{}), "new arguments");
  EXPECT_EQ(miss_reason(v1_edited, dir, key{}), "body changed since last run");
  EXPECT_EQ(miss_reason(v2, dir, key{}), "version changed");
  EXPECT_EQ(miss_reason(v1_type_edited, dir, key{}),
            "a type it stores or hashes changed (its members or its serialize)");
  EXPECT_EQ(miss_reason(v1, dir, key{5, 5}),
            "dependencies changed (files, environment or variables)");
}

TEST(MissReason, ACalleeChangedInAnotherFileIsToldFromABodyChange) {
  const cachepy::testing::scratch_dir scratch("reason-callee");
  const std::string &dir = scratch.path();
  std::filesystem::create_directories(dir);
  const function_site stored = cachepy::testing::test_site("f", "_Z1fi", {1, 1}, "1");
  note_stored(stored, dir, key{});
  // The records it reaches changed (another file, a shared library); its own code did not.
  function_site callee_changed = stored;
  callee_changed.ast_hash = key{9, 9};
  EXPECT_EQ(miss_reason(callee_changed, dir, key{}),
            "its own code is unchanged, but a function it calls in another file changed");
  const function_site edited = cachepy::testing::test_site("f", "_Z1fi", {1, 2}, "1");
  EXPECT_EQ(miss_reason(edited, dir, key{}), "body changed since last run");
}

} // namespace
} // namespace cachepy::detail
