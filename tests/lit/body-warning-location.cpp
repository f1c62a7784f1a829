// A warning in a cached body that compiles (so is rewritten) is reported at the user's
// line and column, even on the line of the body's '{', where the inserted call would
// have moved it right.
//
// RUN: %clangxx %cachepy -fsyntax-only -fno-caret-diagnostics -Wconversion %s 2>&1 \
// RUN:   | FileCheck --implicit-check-not=warning: %s
// RUN: %clangxx %cachepy -fsyntax-only -fplugin-arg-cachepy-dump-rewrite=- %s \
// RUN:   | FileCheck --check-prefix=REWRITE %s

#include <cachepy/cachepy.hpp>

[[cachepy::cache_file("d")]] int narrow(long x) { int y = x; return y; }
// CHECK: body-warning-location.cpp:[[#@LINE-1]]:59: warning: implicit conversion loses integer precision: 'long' to 'int'
// REWRITE: {{^}}#line [[#@LINE-2]]{{$}}

[[cachepy::cache_file("d")]]
int widen(long x) {
  int y = x;
  return y;
}
// CHECK: body-warning-location.cpp:[[#@LINE-3]]:11: warning: implicit conversion loses integer precision: 'long' to 'int'
