// Functions whose result a stored copy cannot stand in for are rejected with an
// error at the declaration.
//
// RUN: %clangxx %cachepy -std=c++20 -fsyntax-only -Xclang -verify %s

#include <cachepy/cachepy.hpp>
#include <coroutine>

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

[[cachepy::cache_file("d")]] constexpr int f1(int x) { return x; } // expected-error {{cachepy::cache_file cannot cache a constexpr function}} expected-note {{the cache is read at run time}}
[[cachepy::cache_file("d")]] consteval int f2(int x) { return x; } // expected-error {{cachepy::cache_file cannot cache a consteval function}}
[[cachepy::cache_file("d")]] int f3(int &x) { return x; } // expected-error {{cannot cache a function taking a non-const lvalue reference ('int &')}} expected-note {{a hit would skip its changes to the argument}}
[[cachepy::cache_file("d")]] int f4(int x, ...) { return x; } // expected-error {{cannot cache a C variadic function}} expected-note {{its '...' arguments cannot enter the key}}
[[cachepy::cache_file("d")]] const int &f5(const int &x) { return x; } // expected-error {{cannot cache a function returning a reference}} expected-note {{return a value}}
// A deduced reference is known only once the body is parsed: reported at the definition.
[[cachepy::cache_file("d")]] decltype(auto) f5b(const int &x) { return (x); } // expected-error {{cannot cache a function returning a reference}} expected-note {{return a value}}
[[cachepy::cache_file("d")]] int f6(int x) try { return x; } catch (...) { return 0; } // expected-error {{cannot cache a function with a function-try-block}} expected-note {{put the try inside the body}}
[[cachepy::cache_file("d")]] Task f7(int x) { co_return; } // expected-error {{cachepy::cache_file cannot cache a coroutine}}

struct Model {
  [[cachepy::cache_file("d")]] Model() {} // expected-error {{cannot cache a constructor or a destructor}}
  [[cachepy::cache_file("d")]] ~Model() {} // expected-error {{cannot cache a constructor or a destructor}}
  [[cachepy::cache_file("d")]] int predict(int x) { return x; } // expected-error {{cannot cache a non-const member function}} expected-note {{it could change the object, and a hit would not; make it const}}
  [[cachepy::cache_file("d")]] static int fit(int x) { return x; } // static members are fine
  int score(int x);
};

// Out of line too, where clang learns what kind of member it is only after the
// attribute is applied. (Const members: member-function.cpp.)
[[cachepy::cache_file("d")]] int Model::score(int x) { return x; } // expected-error {{cannot cache a non-const member function}} expected-note {{it could change the object, and a hit would not; make it const}}

// Const references and values are fine.
[[cachepy::cache_file("d")]] int fine(const int &x, int y) { return x + y; }
