// A cached member function must be const: a non-const one could change the object,
// and a hit would not. The object enters the key, so its class must be serializable:
// one error at the function's line naming the class.
//
// RUN: not %clangxx %cachepy -fsyntax-only %s 2>&1 | FileCheck %s

#include <cachepy/cachepy.hpp>

// Errors found while parsing come first, those that need whole definitions at the end.
struct Opaque { // no serialize()
  double value = 0;
  [[cachepy::cache_file("d")]] double twice() const { return 2 * value; }
  // CHECK: diag-member-functions.cpp:[[#@LINE-1]]:{{[0-9]+}}: error: static assertion failed due to requirement '{{(::)?(cachepy::detail::)?}}object_is_serializable<const Opaque &>::value': cachepy: the object of a cached member function enters its key, so its class must be serializable with cereal
};

double use(const Opaque &o) { return o.twice(); }

struct Counter {
  int count = 0;
  template <class Archive> void serialize(Archive &ar) { ar(count); }

  [[cachepy::cache_file("d")]] int next(int step) { return count += step; }
  // CHECK: diag-member-functions.cpp:[[#@LINE-1]]:36: error: cachepy::cache_file cannot cache a non-const member function
  // CHECK: note: it could change the object, and a hit would not; make it const
};

// CHECK-NOT: error:
// CHECK: 2 errors generated.
