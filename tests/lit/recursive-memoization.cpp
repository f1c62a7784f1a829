// A recursive cached function memoizes its sub-problems: fib(90) executes 91 times
// on the first run (once per n, no quadratic work) and not at all on the second.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy -O2 %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck --check-prefix=FIRST %s
// RUN: %t/prog | FileCheck --check-prefix=SECOND %s

#include <cachepy/cachepy.hpp>
#include <cstdint>
#include <cstdio>

int executions = 0;

[[cachepy::cache_file("cache")]]
std::uint64_t fib(int n) {
  ++executions;
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main() {
  std::printf("fib(90) = %llu\n", static_cast<unsigned long long>(fib(90)));
  std::printf("executions %d\n", executions);
}
// FIRST: fib(90) = 2880067194370816120
// FIRST-NEXT: executions 91
// SECOND: fib(90) = 2880067194370816120
// SECOND-NEXT: executions 0
