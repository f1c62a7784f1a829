// The key holds the arguments after binding: defaults, conversions and constructed
// temporaries normalise, so calls that bind the same values share one entry.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck %s
// RUN: ls cache/add-*/*.cpy cache/half-*/*.cpy cache/greet-*/*.cpy | count 3

#include <cachepy/cachepy.hpp>
#include <cstdio>
#include <string>

[[cachepy::cache_file("cache")]]
int add(int a, int b = 2) { std::printf("executing add\n"); return a + b; }

[[cachepy::cache_file("cache")]]
double half(double x) { std::printf("executing half\n"); return x / 2; }

[[cachepy::cache_file("cache")]]
std::string greet(const std::string &name) { std::printf("executing greet\n"); return "hi " + name; }

int main() {
  std::printf("%d %d\n", add(1), add(1, 2));
  std::printf("%g %g\n", half(3), half(3.0));
  std::printf("%s %s\n", greet("bob").c_str(), greet(std::string("bob")).c_str());
}
// CHECK: executing add
// CHECK-NOT: executing add
// CHECK: 3 3
// CHECK: executing half
// CHECK-NOT: executing half
// CHECK: 1.5 1.5
// CHECK: executing greet
// CHECK-NOT: executing greet
// CHECK: hi bob hi bob
