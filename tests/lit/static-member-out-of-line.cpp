// A static member function defined outside its class is cached like a free function,
// whether the attribute sits on the out-of-line definition or on the declaration in
// the class (clang tells that a member is static only once the definition is matched
// with its declaration).
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck --check-prefix=FIRST %s
// RUN: %t/prog | FileCheck --check-prefix=SECOND %s
// RUN: ls %t/cache/Box.volume-*/*.cpy %t/cache/Shelf.area-*/*.cpy | count 2

#include <cachepy/cachepy.hpp>
#include <cstdio>

struct Box {
  static double volume(double w);
};

[[cachepy::cache_file("cache")]]
double Box::volume(double w) {
  std::printf("executing volume\n");
  return w * w * w;
}

struct Shelf {
  [[cachepy::cache_file("cache")]]
  static double area(double w);
};

double Shelf::area(double w) {
  std::printf("executing area\n");
  return w * w;
}

int main() { std::printf("volume %g area %g\n", Box::volume(2), Shelf::area(3)); }
// FIRST: executing volume
// FIRST-NEXT: executing area
// FIRST-NEXT: volume 8 area 9
// SECOND-NOT: executing
// SECOND: volume 8 area 9
