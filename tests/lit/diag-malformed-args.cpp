// Malformed arguments are errors at the offending token, and the function is left
// uncached rather than half rewritten.
//
// RUN: %clangxx %cachepy -fsyntax-only -Xclang -verify %s

#include <cachepy/cachepy.hpp>

[[cachepy::cache_file("d", verbose="yes")]] int f1(int x) { return x; } // expected-error {{'verbose' expects true or false, not a string}}
[[cachepy::cache_file("d", version=[1, 2])]] int f2(int x) { return x; } // expected-error {{'version' expects a string or a number, not a list}}
[[cachepy::cache_file("d", version=)]] int f3(int x) { return x; } // expected-error {{expected a value}}
[[cachepy::cache_file("d", "e")]] int f4(int x) { return x; } // expected-error {{only the cache directory, given first, may have no 'key='}}
[[cachepy::cache_file("d", version="1", version="2")]] int f5(int x) { return x; } // expected-error {{'version' is given twice}}
[[cachepy::cache_file(["d"])]] int f6(int x) { return x; } // expected-error {{the cache directory must be a string or a C++ expression naming a path, not a list}}
[[cachepy::cache_file("d", version={"a" "b"})]] int f7(int x) { return x; } // expected-error {{expected ':' between a key and its value}}
[[cachepy::cache_file("d", max_age="soon")]] int f9(int x) { return x; } // expected-error {{malformed max_age 'soon'}} expected-note {{expected a number of seconds, or a whole number followed by s, m, h or d ("90s", "15m", "12h", "7d")}}
[[cachepy::cache_file("d", max_age=0)]] int f10(int x) { return x; } // expected-error {{malformed max_age '0'}} expected-note {{expected a number of seconds}}
[[cachepy::cache_file("d", max_age=["1d"])]] int f11(int x) { return x; } // expected-error {{'max_age' expects a duration ("90s", "15m", "12h", "7d") or a number of seconds, not a list}}
[[cachepy::cache_file("d", max_age="90s")]] int f12(int x) { return x; }
[[cachepy::cache_file("d", max_age=3600)]] int f13(int x) { return x; }
[[cachepy::cache_file]] int x8 = 3; // expected-error {{'cachepy::cache_file' only applies to functions}}
