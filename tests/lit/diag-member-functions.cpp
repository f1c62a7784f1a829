// A cached member function must be const: a non-const one could change the object,
// and a hit would not. The object enters the key, so its class must be storable: one
// error at the function's line naming the member that is not.
//
// RUN: not %clangxx %cachepy -fsyntax-only %s 2>&1 | FileCheck %s

#include <cachepy/cachepy.hpp>

#include <mutex>

// Errors found while parsing come first, those that need whole definitions at the end.
struct Counter {
  int count = 0;
  template <class Archive> void serialize(Archive &ar) { ar(count); }

  [[cachepy::cache_file("d")]] int next(int step) { return count += step; }
  // CHECK: diag-member-functions.cpp:[[#@LINE-1]]:36: error: cachepy::cache_file cannot cache a non-const member function
  // CHECK: note: it could change the object, and a hit would not; make it const
};

struct Locked {
  double value = 0;
  std::mutex guard;
  [[cachepy::cache_file("d")]] double twice() const { return 2 * value; }
  // CHECK: diag-member-functions.cpp:[[#@LINE-1]]:39: error: 'Locked::guard' (a 'std::mutex') cannot be stored: a mutex holds no value
  // CHECK: diag-member-functions.cpp:[[#@LINE-3]]:14: note: mark the member {{\[\[}}cachepy::skip]]
};

double use(const Locked &o) { return o.twice(); }

// CHECK-NOT: error:
// CHECK: 2 errors generated.
