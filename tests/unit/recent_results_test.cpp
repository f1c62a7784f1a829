#include "memory/recent_results.hpp"

#include <cachepy/detail/call_engine.hpp>
#include <cachepy/detail/copies_deeply.hpp>

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

kept_value find(const std::string &dir, const key &k) {
  bool refresh_due = false;
  return find_recent(dir, k, refresh_due);
}

// Each test uses its own cache directory name: the layer is process-wide.
class RecentResults : public ::testing::Test {
protected:
  std::string dir = std::string("recent-") +
                    ::testing::UnitTest::GetInstance()->current_test_info()->name();
};

TEST_F(RecentResults, KeptValueIsFoundUnderItsDirectoryAndKeyOnly) {
  keep_recent(dir, key{1, 2}, kept_int(7), 4, megabyte, recent_generation());
  ASSERT_TRUE(find(dir, key{1, 2}).value);
  EXPECT_EQ(value_of(find(dir, key{1, 2})), 7);
  EXPECT_EQ(find(dir, key{1, 2}).type, &type_tag<int>::id);
  EXPECT_FALSE(find(dir, key{1, 3}).value);
  EXPECT_FALSE(find(dir + "-other", key{1, 2}).value);
}

TEST_F(RecentResults, KeepingAgainReplacesAndForgetRemoves) {
  keep_recent(dir, key{1, 2}, kept_int(7), 4, megabyte, recent_generation());
  keep_recent(dir, key{1, 2}, kept_int(8), 4, megabyte, recent_generation());
  EXPECT_EQ(value_of(find(dir, key{1, 2})), 8);
  forget_recent(dir, key{1, 2});
  EXPECT_FALSE(find(dir, key{1, 2}).value);
}

TEST_F(RecentResults, TheLeastRecentlyUsedLeaveFirstWhenOverTheLimit) {
  const std::size_t limit = 3 * megabyte + 4096; // three entries with their overhead
  for (std::uint64_t i = 1; i <= 3; ++i)
    keep_recent(dir, key{i, 0}, kept_int(static_cast<int>(i)), megabyte, limit, recent_generation());
  find(dir, key{1, 0}); // now 2 is the least recently used
  keep_recent(dir, key{4, 0}, kept_int(4), megabyte, limit, recent_generation());
  EXPECT_TRUE(find(dir, key{1, 0}).value);
  EXPECT_FALSE(find(dir, key{2, 0}).value);
  EXPECT_TRUE(find(dir, key{3, 0}).value);
  EXPECT_TRUE(find(dir, key{4, 0}).value);
}

TEST_F(RecentResults, AValueReadBeforeAForgetIsNotKeptOverTheForcedOne) {
  const std::uint64_t before_force = recent_generation(); // a reader starts
  forget_recent(dir, key{1, 2});                          // force drops the key...
  keep_recent(dir, key{1, 2}, kept_int(8), 4, megabyte, recent_generation()); // ...keeps its value
  keep_recent(dir, key{1, 2}, kept_int(7), 4, megabyte, before_force); // the reader's old value
  EXPECT_EQ(value_of(find(dir, key{1, 2})), 8);
}

TEST_F(RecentResults, ManyTinyValuesStayWithinTheLimit) {
  for (std::uint64_t i = 0; i < 10000; ++i)
    keep_recent(dir, key{i, 9}, kept_int(1), 0, 64 * 1024, recent_generation());
  EXPECT_FALSE(find(dir, key{0, 9}).value);
  EXPECT_TRUE(find(dir, key{9999, 9}).value);
}

// Only values whose copies share nothing are kept in memory.
static_assert(copies_deeply<std::vector<std::map<std::string, double>>>::value);
static_assert(copies_deeply<std::tuple<int, std::optional<std::string>>>::value);
static_assert(!copies_deeply<std::shared_ptr<int>>::value);
static_assert(!copies_deeply<std::vector<std::unique_ptr<int>>>::value);
static_assert(!copies_deeply<const char *>::value);

TEST_F(RecentResults, AMemoryHitRefreshesItsEntryOnlyWhenADayHasPassed) {
  keep_recent(dir, key{5, 5}, kept_int(1), 4, megabyte, recent_generation());
  bool refresh_due = false;
  find_recent(dir, key{5, 5}, refresh_due);
  EXPECT_FALSE(refresh_due); // just read or stored: already fresh
  const std::time_t two_days_later = std::time(nullptr) + 2 * 24 * 60 * 60;
  find_recent(dir, key{5, 5}, refresh_due, two_days_later);
  EXPECT_TRUE(refresh_due);
  refresh_due = false;
  find_recent(dir, key{5, 5}, refresh_due, two_days_later + 60);
  EXPECT_FALSE(refresh_due); // refreshed a minute ago
}

TEST_F(RecentResults, SmallValuesAreWorthKeepingAtOnceLargeOnesFromTheirSecondUse) {
  EXPECT_TRUE(worth_keeping(dir, key{1, 0}, 100, megabyte, false));
  EXPECT_FALSE(worth_keeping(dir, key{2, 0}, megabyte / 2, megabyte, false));
  EXPECT_TRUE(worth_keeping(dir, key{2, 0}, megabyte / 2, megabyte, false));
  EXPECT_FALSE(worth_keeping(dir, key{3, 0}, 2 * megabyte, megabyte, false)); // over the limit
  EXPECT_FALSE(worth_keeping(dir, key{3, 0}, 2 * megabyte, megabyte, false));
}

// A miss followed by hits, the common pattern: the first hit is from memory too.
TEST_F(RecentResults, LargeValuesThisProcessComputedAreWorthKeepingAtOnce) {
  EXPECT_TRUE(worth_keeping(dir, key{4, 0}, megabyte / 2, megabyte, true));
  EXPECT_FALSE(worth_keeping(dir, key{5, 0}, 2 * megabyte, megabyte, true)); // over the limit
}

} // namespace
} // namespace cachepy::detail
