// std::chrono durations (any representation and period) and time points (any clock)
// are arguments and results, in each storage format, stored as their count.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o prog
// RUN: sh %S/Inputs/run-twice.sh binary && sh %S/Inputs/run-twice.sh portable_binary
// RUN: sh %S/Inputs/run-twice.sh json
// RUN: FileCheck %s --input-file=binary/second.txt
// RUN: FileCheck %s --input-file=portable_binary/second.txt
// RUN: FileCheck %s --input-file=json/second.txt

#include <cachepy/cachepy.hpp>

#include <chrono>
#include <cstdio>
#include <ratio>
#include <vector>

using namespace std::chrono;
using thirds = duration<int, std::ratio<1, 3>>;

[[cachepy::cache_file("cache")]]
milliseconds later(seconds s) { return s + milliseconds(250); }

[[cachepy::cache_file("cache")]]
duration<double> halved(duration<double, std::milli> d) { return d / 2; }

[[cachepy::cache_file("cache")]]
std::vector<thirds> steps(thirds step, int n) { return std::vector<thirds>(n, step); }

[[cachepy::cache_file("cache")]]
system_clock::time_point deadline(system_clock::time_point start, minutes allowed) {
  return start + allowed;
}

[[cachepy::cache_file("cache")]]
time_point<steady_clock, nanoseconds> tick(time_point<steady_clock, seconds> at) {
  return at + nanoseconds(1);
}

int main() {
  std::printf("later: %lld\n", static_cast<long long>(later(seconds(2)).count()));
  std::printf("halved: %g\n", halved(duration<double, std::milli>(300)).count());
  std::printf("steps: %zu %d\n", steps(thirds(2), 3).size(), steps(thirds(2), 3)[2].count());
  const system_clock::time_point start{seconds(1700000000)};
  std::printf("deadline: %lld\n", static_cast<long long>(
                                      duration_cast<seconds>(deadline(start, minutes(90))
                                                                 .time_since_epoch())
                                          .count()));
  std::printf("tick: %lld\n", static_cast<long long>(
                                  tick(time_point<steady_clock, seconds>(seconds(5)))
                                      .time_since_epoch()
                                      .count()));
}
// CHECK: later: 2250
// CHECK-NEXT: halved: 0.15
// CHECK-NEXT: steps: 3 2
// CHECK-NEXT: deadline: 1700005400
// CHECK-NEXT: tick: 5000000001
