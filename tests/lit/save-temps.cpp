// Preprocessed input (-save-temps) cannot be planned: a warning says its cached
// functions are compiled uncached, and the build still succeeds.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy -save-temps -c %s -o %t/x.o 2>&1 | FileCheck %s
// RUN: ls %t/x.o

#include <cachepy/cachepy.hpp>

[[cachepy::cache_file("cache")]]
int work(int x) { return x; }
// CHECK: warning: 'work' is compiled uncached: cachepy cannot rewrite preprocessed input (-save-temps or a .ii file)
