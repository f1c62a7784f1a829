// Without the plugin the attribute is an ordinary unknown attribute: the program
// compiles (GCC, or clang without -fplugin) and runs uncached.
//
// REQUIRES: gcc
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: g++ -std=c++17 -Wno-attributes -I%cachepy_include %s -o %t/gcc-prog
// RUN: %t/gcc-prog | FileCheck %s
// RUN: %t/gcc-prog | FileCheck %s
// RUN: %clangxx -std=c++17 -Wno-unknown-attributes -I%cachepy_include %s -o %t/clang-prog
// RUN: %t/clang-prog | FileCheck %s
// RUN: %t/clang-prog | FileCheck %s
// RUN: not ls %t/cache

#include <cachepy/cachepy.hpp>
#include <cstdio>

[[cachepy::cache_file("cache", version="1")]]
int answer(int x) { std::printf("executing\n"); return x + 40; }

int main() { std::printf("%d\n", answer(2)); }
// CHECK: executing
// CHECK-NEXT: 42
