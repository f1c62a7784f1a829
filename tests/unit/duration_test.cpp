#include "config/duration.hpp"

#include <gtest/gtest.h>

namespace cachepy::detail {
namespace {

TEST(Duration, ReadsSecondsMinutesHoursAndDays) {
  EXPECT_EQ(parse_duration("90s"), 90u);
  EXPECT_EQ(parse_duration("15m"), 15u * 60);
  EXPECT_EQ(parse_duration("12h"), 12u * 3600);
  EXPECT_EQ(parse_duration("7d"), 7u * 86400);
}

TEST(Duration, APlainNumberIsSeconds) { EXPECT_EQ(parse_duration("3600"), 3600u); }

TEST(Duration, RejectsWhatIsNoPositiveWholeDuration) {
  for (const char *text : {"", "s", "0", "0s", "-5s", "1.5h", "7 d", "7w", "soon", "12hh",
                           "99999999999999999999s"})
    EXPECT_EQ(parse_duration(text), std::nullopt) << text;
}

// 213503982335 days in milliseconds pass 2^64: an entry then expired within hours.
TEST(Duration, AHugeDurationIsForeverNotAnOverflow) {
  EXPECT_EQ(parse_duration("213503982335d"), max_duration_seconds);
  EXPECT_EQ(parse_duration("999999999999s"), 999'999'999'999u);
}

} // namespace
} // namespace cachepy::detail
