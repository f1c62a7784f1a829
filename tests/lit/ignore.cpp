// ignore=["logger"]: parameters left out of the key.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck %s

#include <cachepy/cachepy.hpp>
#include <cstdio>
#include <string>

struct Logger { // not serializable, and need not be
  std::string prefix;
  void log(const char *message) const { std::printf("%s%s\n", prefix.c_str(), message); }
};

[[cachepy::cache_file("cache", ignore=["logger", "verbosity"])]]
int fit(int samples, const Logger &logger, int verbosity) {
  logger.log("executing fit");
  return samples * 2 + 0 * verbosity;
}

int main() {
  std::printf("%d\n", fit(10, Logger{"[a] "}, 1));
  std::printf("%d\n", fit(10, Logger{"[b] "}, 3));
  std::printf("%d\n", fit(11, Logger{"[c] "}, 1));
}
// CHECK: [a] executing fit
// CHECK-NEXT: 20
// CHECK-NEXT: 20
// CHECK-NEXT: [c] executing fit
// CHECK-NEXT: 22
