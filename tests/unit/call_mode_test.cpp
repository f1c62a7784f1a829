#include <cachepy/cachepy.hpp>

#include <gtest/gtest.h>

namespace cachepy::detail {
namespace {

TEST(CallMode, TheFirstCachedCallTakesTheModeAndNestedCallsRunNormally) {
  std::vector<call_mode> seen;
  auto cached_call = [&] { seen.push_back(take_call_mode()); };
  force([&] {
    cached_call(); // the first cached call entered
    cached_call(); // nested or later: normal
  });
  EXPECT_EQ(seen, (std::vector<call_mode>{call_mode::force, call_mode::normal}));
}

TEST(CallMode, AnUntakenModeDoesNotLeakPastTheScope) {
  skip_save([] {});
  EXPECT_EQ(take_call_mode(), call_mode::normal);
}

TEST(CallMode, ForwardsArgumentsAndResult) {
  EXPECT_EQ(force([](int a, int b) { return a * b; }, 6, 7), 42);
  EXPECT_EQ(skip_save([](const std::string &s) { return s + "!"; }, "hi"), "hi!");
}

} // namespace
} // namespace cachepy::detail
