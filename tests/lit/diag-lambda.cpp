// A lambda cannot be cached: its captures are not arguments the key can see. The
// error says so, where clang lets the attribute reach the lambda's call operator.
//
// RUN: %clangxx %cachepy -std=c++2b -fsyntax-only -Xclang -verify %s

#include <cachepy/cachepy.hpp>

auto scale = [] [[cachepy::cache_file("d")]] (int x) { return 2 * x; }; // expected-error {{cachepy::cache_file cannot cache a lambda}} expected-note {{cache a named function and call it from the lambda}}
auto shift = [k = 1] [[cachepy::cache_file("d")]] (auto x) { return x + k; }; // expected-error {{cachepy::cache_file cannot cache a lambda}} expected-note {{cache a named function and call it from the lambda}}

// After the parameters the attribute would belong to the call operator's type, which
// clang itself refuses (clang 22 names it in full).
auto twice = [](int x) [[cachepy::cache_file("d")]] { return 2 * x; }; // expected-error-re {{'{{(cachepy::)?}}cache_file' attribute cannot be applied to types}}

int main() { return scale(1) + shift(1) + twice(1); }
