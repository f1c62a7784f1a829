// std::unique_ptr and std::shared_ptr are arguments and results by value, in each
// storage format: what they point to enters the key and is stored (null included), and
// pointees shared within one result (or one call's arguments) stay shared on a hit.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o prog
// RUN: sh %S/Inputs/run-twice.sh binary && sh %S/Inputs/run-twice.sh portable_binary
// RUN: sh %S/Inputs/run-twice.sh json
// RUN: FileCheck %s --input-file=binary/second.txt
// RUN: FileCheck %s --input-file=portable_binary/second.txt
// RUN: FileCheck %s --input-file=json/second.txt

#include <cachepy/cachepy.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

struct Point {
  int x = 0;
  int y = 0;
};

[[cachepy::cache_file("cache")]]
std::unique_ptr<Point> point(const std::unique_ptr<int> &x) {
  return x ? std::make_unique<Point>(Point{*x, *x + 1}) : nullptr;
}

[[cachepy::cache_file("cache")]]
int owned(std::unique_ptr<int> x) { return x ? *x * 10 : -1; }

[[cachepy::cache_file("cache")]]
std::shared_ptr<std::string> greeting(const std::shared_ptr<const std::string> &name) {
  return std::make_shared<std::string>("hello " + *name);
}

// Three slots, the first and last one pointee.
[[cachepy::cache_file("cache")]]
std::vector<std::shared_ptr<Point>> slots(int n) {
  auto shared = std::make_shared<Point>(Point{n, n});
  return {shared, std::make_shared<Point>(Point{n, n}), shared};
}

// The same value reached once or twice is a different structure: two entries.
[[cachepy::cache_file("cache")]]
bool aliased(const std::pair<std::shared_ptr<int>, std::shared_ptr<int>> &p) {
  return p.first == p.second;
}

[[cachepy::cache_file("cache")]]
std::vector<std::unique_ptr<int>> owned_all(int n) {
  std::vector<std::unique_ptr<int>> out;
  for (int i = 0; i < n; ++i)
    out.push_back(i % 2 ? nullptr : std::make_unique<int>(i));
  return out;
}

int main() {
  auto p = point(std::make_unique<int>(3));
  std::printf("point: %d %d\n", p->x, p->y);
  std::printf("null point: %s\n", point(nullptr) ? "set" : "null");
  std::printf("owned: %d %d\n", owned(std::make_unique<int>(4)), owned(nullptr));
  std::printf("greeting: %s\n", greeting(std::make_shared<const std::string>("you"))->c_str());
  auto s = slots(7);
  s[0]->x = 8; // the same pointee as the last slot's
  std::printf("slots: %d %d %d shared=%d\n", s[0]->x, s[1]->x, s[2]->x, s[0] == s[2]);
  auto one = std::make_shared<int>(5);
  std::printf("aliased: %d %d\n", aliased({one, one}), aliased({one, std::make_shared<int>(5)}));
  auto all = owned_all(3);
  std::printf("owned_all: %d %s %d\n", *all[0], all[1] ? "set" : "null", *all[2]);
}
// CHECK: point: 3 4
// CHECK-NEXT: null point: null
// CHECK-NEXT: owned: 40 -1
// CHECK-NEXT: greeting: hello you
// CHECK-NEXT: slots: 8 7 8 shared=1
// CHECK-NEXT: aliased: 1 0
// CHECK-NEXT: owned_all: 0 null 2
