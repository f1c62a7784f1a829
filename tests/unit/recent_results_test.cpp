#include <cachepy/detail/recent_results.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cachepy::detail {
namespace {

constexpr std::size_t megabyte = 1024 * 1024;

kept_value kept_int(int value) {
  return kept_value{std::make_shared<const int>(value), &type_tag<int>::id, nullptr};
}

int value_of(const kept_value &kept) { return *static_cast<const int *>(kept.value.get()); }

// Each test uses its own cache directory name: the layer is process-wide.
class RecentResults : public ::testing::Test {
protected:
  std::string dir = std::string("recent-") +
                    ::testing::UnitTest::GetInstance()->current_test_info()->name();
};

TEST_F(RecentResults, KeptValueIsFoundUnderItsDirectoryAndKeyOnly) {
  keep_recent(dir, key{1, 2}, kept_int(7), 4, megabyte);
  ASSERT_TRUE(find_recent(dir, key{1, 2}).value);
  EXPECT_EQ(value_of(find_recent(dir, key{1, 2})), 7);
  EXPECT_EQ(find_recent(dir, key{1, 2}).type, &type_tag<int>::id);
  EXPECT_FALSE(find_recent(dir, key{1, 3}).value);
  EXPECT_FALSE(find_recent(dir + "-other", key{1, 2}).value);
}

TEST_F(RecentResults, KeepingAgainReplacesAndForgetRemoves) {
  keep_recent(dir, key{1, 2}, kept_int(7), 4, megabyte);
  keep_recent(dir, key{1, 2}, kept_int(8), 4, megabyte);
  EXPECT_EQ(value_of(find_recent(dir, key{1, 2})), 8);
  forget_recent(dir, key{1, 2});
  EXPECT_FALSE(find_recent(dir, key{1, 2}).value);
}

TEST_F(RecentResults, TheLeastRecentlyUsedLeaveFirstWhenOverTheLimit) {
  const std::size_t limit = 3 * megabyte;
  for (std::uint64_t i = 1; i <= 3; ++i)
    keep_recent(dir, key{i, 0}, kept_int(static_cast<int>(i)), megabyte, limit);
  find_recent(dir, key{1, 0}); // now 2 is the least recently used
  keep_recent(dir, key{4, 0}, kept_int(4), megabyte, limit);
  EXPECT_TRUE(find_recent(dir, key{1, 0}).value);
  EXPECT_FALSE(find_recent(dir, key{2, 0}).value);
  EXPECT_TRUE(find_recent(dir, key{3, 0}).value);
  EXPECT_TRUE(find_recent(dir, key{4, 0}).value);
}

TEST_F(RecentResults, SmallValuesAreWorthKeepingAtOnceLargeOnesFromTheirSecondUse) {
  EXPECT_TRUE(worth_keeping(dir, key{1, 0}, 100, megabyte));
  EXPECT_FALSE(worth_keeping(dir, key{2, 0}, megabyte / 2, megabyte));
  EXPECT_TRUE(worth_keeping(dir, key{2, 0}, megabyte / 2, megabyte));
  EXPECT_FALSE(worth_keeping(dir, key{3, 0}, 2 * megabyte, megabyte)); // over the limit
  EXPECT_FALSE(worth_keeping(dir, key{3, 0}, 2 * megabyte, megabyte));
}

} // namespace
} // namespace cachepy::detail
