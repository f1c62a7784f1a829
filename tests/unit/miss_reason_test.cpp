#include "scratch_dir.hpp"

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
  const function_site v1("f", "_Z1fi", 1, 1, 0, "1", false);
  const function_site v1_edited("f", "_Z1fi", 1, 2, 0, "1", false);
  const function_site v2("f", "_Z1fi", 1, 1, 0, "2", false);

  EXPECT_EQ(miss_reason(v1, dir, key{}), "first execution");
  note_stored(v1, dir, key{});
  EXPECT_EQ(miss_reason(v1, dir, key{}), "new arguments");
  EXPECT_EQ(miss_reason(v1_edited, dir, key{}), "body changed since last run");
  EXPECT_EQ(miss_reason(v2, dir, key{}), "version changed");
  EXPECT_EQ(miss_reason(v1, dir, key{5, 5}),
            "dependencies changed (files, environment or variables)");
}

} // namespace
} // namespace cachepy::detail
