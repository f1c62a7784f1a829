// Large entries, written by `write` (killed at random moments by the driver) and
// checked by `check`: every value must be exactly what the body computes, whether it
// comes from disk or is recomputed.
#include <cachepy/cachepy.hpp>

#include <cstdio>
#include <cstring>
#include <vector>

int executions = 0;
constexpr int entries = 12;

double expected(int block, std::size_t i) { return block * 1e6 + static_cast<double>(i) * 0.5; }

[[cachepy::cache_file("cache")]]
std::vector<double> block(int b) {
  ++executions;
  std::vector<double> values(1 << 20); // 8 MB
  for (std::size_t i = 0; i < values.size(); ++i)
    values[i] = expected(b, i);
  return values;
}

int main(int, char **argv) {
  if (std::strcmp(argv[1], "write") == 0) {
    for (int b = 0; b < entries; ++b)
      block(b);
    return 0;
  }
  int wrong = 0;
  for (int b = 0; b < entries; ++b) {
    const std::vector<double> values = block(b);
    for (std::size_t i = 0; i < values.size(); ++i)
      if (values.size() != (1u << 20) || values[i] != expected(b, i)) {
        ++wrong;
        break;
      }
  }
  std::printf("checked %d entries, wrong %d, from disk %d\n", entries, wrong,
              entries - executions);
}
