// `main` cannot be cached: its result is the program's exit status, and a hit would
// skip the whole program.
//
// RUN: %clangxx %cachepy -fsyntax-only -Xclang -verify %s

#include <cachepy/cachepy.hpp>

[[cachepy::cache_file("d")]] int main() { return 0; } // expected-error {{cachepy::cache_file cannot cache 'main'}}
