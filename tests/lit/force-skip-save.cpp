// cachepy::force re-executes and overwrites; cachepy::skip_save reads an existing
// entry but never writes. Both take a function and its arguments, or any callable,
// and apply to the first cached call entered only.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck %s

#include <cachepy/cachepy.hpp>
#include <cstdio>
#include <string>

int runs = 0;

[[cachepy::cache_file("cache")]]
int inner(int x) { std::printf("executing inner(%d)\n", x); return x + 1; }

[[cachepy::cache_file("cache")]]
int outer(int x) { std::printf("executing outer(%d)\n", x); return inner(x) * 2 + runs; }

int main() {
  std::printf("= first\n");
  std::printf("%d\n", outer(1));
  // CHECK-LABEL: = first
  // CHECK-NEXT: executing outer(1)
  // CHECK-NEXT: executing inner(1)
  // CHECK-NEXT: 4
  runs = 10;
  std::printf("= hit\n");
  std::printf("%d\n", outer(1));
  // CHECK-LABEL: = hit
  // CHECK-NEXT: 4
  std::printf("= force\n");
  std::printf("%d\n", cachepy::force(outer, 1));
  // CHECK-LABEL: = force
  // CHECK-NEXT: executing outer(1)
  // CHECK-NEXT: 14
  std::printf("= overwritten\n");
  std::printf("%d\n", outer(1));
  // CHECK-LABEL: = overwritten
  // CHECK-NEXT: 14
  std::printf("= force a lambda\n");
  std::printf("%d\n", cachepy::force([] { return outer(1) + inner(1); }));
  // CHECK-LABEL: = force a lambda
  // CHECK-NEXT: executing outer(1)
  // CHECK-NEXT: 16
  std::printf("= skip_save reads\n");
  std::printf("%d\n", cachepy::skip_save(outer, 1));
  // CHECK-LABEL: = skip_save reads
  // CHECK-NEXT: 14
  std::printf("= skip_save new\n");
  std::printf("%d\n", cachepy::skip_save(outer, 5));
  // CHECK-LABEL: = skip_save new
  // CHECK-NEXT: executing outer(5)
  // CHECK-NEXT: executing inner(5)
  // CHECK-NEXT: 22
  std::printf("= not saved, inner saved\n");
  std::printf("%d\n", outer(5));
  // CHECK-LABEL: = not saved, inner saved
  // CHECK-NEXT: executing outer(5)
  // CHECK-NEXT: 22
  std::printf("= after force, normal\n");
  std::printf("%d\n", inner(7) + inner(7));
  // CHECK-LABEL: = after force, normal
  // CHECK-NEXT: executing inner(7)
  // CHECK-NEXT: 16
}
