#include "scratch_dir.hpp"

#include <cachepy/api.hpp>
#include "store_text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace cachepy {
namespace {

namespace fs = std::filesystem;

class Maintenance : public ::testing::Test {
protected:
  void SetUp() override {
    for (std::uint64_t i = 1; i <= 3; ++i) {
      const detail::key k{i, i};
      cachepy::testing::save_text(detail::address_of(dir, "f-00000000", k), k,
                                  std::string(1024 * 1024, 'x'));
    }
  }
  void age(std::uint64_t i, std::chrono::hours by) {
    const std::string path = detail::address_of(dir, "f-00000000", detail::key{i, i}).file;
    fs::last_write_time(path, fs::file_time_type::clock::now() - by);
  }

  cachepy::testing::scratch_dir scratch{"maintenance"};
  const std::string &dir = scratch.path();
};

TEST_F(Maintenance, StatsCountOnlyEntries) {
  const stats s = cache_stats(dir);
  EXPECT_EQ(s.n_entries, 3u);
  EXPECT_NEAR(s.total_size_mb, 3.0, 0.01);
}

TEST_F(Maintenance, StatsOfAMissingDirectoryAreZero) {
  EXPECT_EQ(cache_stats(dir + "/missing").n_entries, 0u);
}

TEST_F(Maintenance, PruneRemovesOnlyEntriesOlderThanTheLimit) {
  age(1, std::chrono::hours(24 * 10));
  age(2, std::chrono::hours(24 * 3));
  EXPECT_EQ(cache_prune(dir, 5), 1u);
  EXPECT_EQ(cache_stats(dir).n_entries, 2u);
  EXPECT_EQ(cache_prune(dir, 2), 1u);
  EXPECT_EQ(cache_stats(dir).n_entries, 1u);
}

// As the command line does: a mistyped path must not lose its files.
TEST_F(Maintenance, ADirectoryThatIsNotACacheIsRefusedWithOneWarning) {
  age(1, std::chrono::hours(24 * 10));
  for (const std::string foreign : {"/f-00000000/notes.txt", "/notes.txt"}) {
    std::ofstream(dir + foreign) << "not an entry";
    ::testing::internal::CaptureStderr();
    EXPECT_EQ(cache_prune(dir, 5), 0u);
    EXPECT_EQ(cache_stats(dir).n_entries, 0u);
    const std::string warnings = ::testing::internal::GetCapturedStderr();
    EXPECT_NE(warnings.find("cache_prune: " + dir + " is not a cachepy cache directory (it holds " +
                            dir + foreign + "); nothing removed\n"),
              std::string::npos)
        << warnings;
    EXPECT_NE(warnings.find("cache_stats: " + dir + " is not a cachepy cache directory"),
              std::string::npos)
        << warnings;
    EXPECT_EQ(std::count(warnings.begin(), warnings.end(), '\n'), 2) << warnings;
    fs::remove(dir + foreign);
  }
  EXPECT_EQ(cache_stats(dir).n_entries, 3u);
}

// A symbolic link where a function directory should be is not the runtime's: the
// directory is refused, and the entries it points to are not pruned.
TEST_F(Maintenance, PruneDoesNotFollowASymlinkedFunctionDirectory) {
  const std::string elsewhere = dir + "-elsewhere";
  fs::create_directories(elsewhere);
  const std::string outside = elsewhere + "/00000000000000000000000000000001.cpy";
  std::ofstream(outside) << "someone else's file";
  fs::last_write_time(outside, fs::file_time_type::clock::now() - std::chrono::hours(24 * 10));
  fs::create_directory_symlink(elsewhere, dir + "/g-89abcdef");
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(cache_prune(dir, 5), 0u);
  EXPECT_NE(::testing::internal::GetCapturedStderr().find("it holds " + dir + "/g-89abcdef"),
            std::string::npos);
  EXPECT_TRUE(fs::exists(outside));
  fs::remove_all(elsewhere);
}

TEST_F(Maintenance, AHugeAgeRemovesNothingRecent) {
  EXPECT_EQ(cache_prune(dir, 1e12), 0u);
  EXPECT_EQ(cache_stats(dir).n_entries, 3u);
}

TEST_F(Maintenance, AHitRefreshesAnEntryOlderThanADay) {
  age(1, std::chrono::hours(24 * 10));
  std::string payload;
  const detail::key k{1, 1};
  ASSERT_EQ(cachepy::testing::load_text(detail::address_of(dir, "f-00000000", k), k, payload),
            detail::load_result::hit);
  EXPECT_EQ(cache_prune(dir, 5), 0u);
}

} // namespace
} // namespace cachepy
