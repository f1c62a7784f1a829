// An exception thrown by the body reaches the caller and stores nothing: the next
// call runs the body again.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck %s
// RUN: %t/prog | FileCheck %s
// RUN: not ls cache/risky-*/*.cpy

#include <cachepy/cachepy.hpp>
#include <cstdio>
#include <stdexcept>

[[cachepy::cache_file("cache")]]
int risky(int x) {
  std::printf("executing risky\n");
  throw std::runtime_error("sensor offline");
  return x;
}

int main() {
  for (int i = 0; i < 2; ++i) {
    try {
      risky(1);
    } catch (const std::runtime_error &error) {
      std::printf("caught: %s\n", error.what());
    }
  }
}
// CHECK: executing risky
// CHECK-NEXT: caught: sensor offline
// CHECK-NEXT: executing risky
// CHECK-NEXT: caught: sensor offline
