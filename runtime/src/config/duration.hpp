#ifndef CACHEPY_DETAIL_DURATION_HPP
#define CACHEPY_DETAIL_DURATION_HPP

// max_age's values: "90s", "15m", "12h", "7d", or a whole number of seconds. Read by
// the plugin (the attribute) and the runtime (the configuration): header-only and
// standard C++ only, so both share one reading.

#include <cstdint>
#include <optional>
#include <string_view>

namespace cachepy::detail {

// Longer is forever: a longer duration is this (in milliseconds it still fits 64 bits).
inline constexpr std::uint64_t max_duration_seconds = 1'000'000'000'000; // 31,700 years

// lock_timeout's largest value: past it a wait is forever (and a deadline's arithmetic
// would no longer mean anything).
inline constexpr double max_lock_timeout_seconds = 1e9;

// The duration in seconds, at most max_duration_seconds; nothing for what is not a
// positive whole duration.
inline std::optional<std::uint64_t> parse_duration(std::string_view text) {
  std::uint64_t unit = 1;
  if (!text.empty()) {
    switch (text.back()) {
    case 's': unit = 1; text.remove_suffix(1); break;
    case 'm': unit = 60; text.remove_suffix(1); break;
    case 'h': unit = 3600; text.remove_suffix(1); break;
    case 'd': unit = 86400; text.remove_suffix(1); break;
    default: break;
    }
  }
  if (text.empty() || text.size() > 12) // past 10^12 s lies nothing a cache outlives
    return std::nullopt;
  std::uint64_t count = 0;
  for (char c : text) {
    if (c < '0' || c > '9')
      return std::nullopt;
    count = count * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (count == 0)
    return std::nullopt;
  return count < max_duration_seconds / unit ? count * unit : max_duration_seconds;
}

} // namespace cachepy::detail

#endif
