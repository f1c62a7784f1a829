// A function returning a lambda, or an object of a class defined inside a function,
// cannot be cached: such types cannot be serialized (a local class cannot have the
// member template cereal needs). One error at the function, none from the rewrite.
//
// RUN: %clangxx %cachepy -fsyntax-only -Xclang -verify %s

#include <cachepy/cachepy.hpp>
#include <utility>

[[cachepy::cache_file("d")]] auto make_adder(int k) { return [k](int x) { return x + k; }; } // expected-error {{cachepy::cache_file cannot cache a function returning a lambda}} expected-note {{a closure cannot be stored}}

[[cachepy::cache_file("d")]] auto make_point(int x) { // expected-error {{cachepy::cache_file cannot cache a function returning a class defined inside a function}} expected-note {{it cannot be stored}}
  struct Point {
    int x, y;
  };
  return Point{x, x};
}

[[cachepy::cache_file("d")]] auto make_pair(int k) { // expected-error {{cachepy::cache_file cannot cache a function returning a lambda}} expected-note {{a closure cannot be stored}}
  return std::make_pair(k, [k] { return k; });
}

// In a template, the instantiations tell.
template <class T>
[[cachepy::cache_file("d")]] auto make_scaler(T k) { return [k](T x) { return x * k; }; } // expected-error {{cachepy::cache_file cannot cache a function returning a lambda}} expected-note {{a closure cannot be stored}}
int use = make_scaler(2)(3);
