// file_args and ignore name parameters; a name that is no parameter is an error at
// that name, listing the parameters in a note (a misspelling of one: diag-fixits.cpp).
//
// RUN: %clangxx %cachepy -fsyntax-only -Xclang -verify %s

#include <cachepy/cachepy.hpp>
#include <string>

[[cachepy::cache_file("d", file_args=["input"])]] int f1(const std::string &path) { return 0; } // expected-error {{'input' in file_args is not a parameter of 'f1'}} expected-note {{its parameters are 'path'}}
[[cachepy::cache_file("d", ignore=["log"])]] int f2(int x, int logger) { return x; } // expected-error {{'log' in ignore is not a parameter of 'f2'}} expected-note {{its parameters are 'x', 'logger'}}
[[cachepy::cache_file("d", ignore=["x"], file_args=["x"])]] int f3(const char *x) { return 0; } // expected-error {{'x' cannot be both in file_args and in ignore}}
[[cachepy::cache_file("d", file_args="path")]] int f4(const char *path) { return 0; } // expected-error {{'file_args' expects a list of strings, not a string}}
[[cachepy::cache_file("d", env_vars=[HOME])]] int f5(int x) { return x; } // expected-error {{'env_vars' expects a list of strings, not an expression}}
[[cachepy::cache_file("d", depends_on_vars=["a"])]] int f6(int x) { return x; } // expected-error {{'depends_on_vars' expects a map {"name": value, ...}, not a list}}
[[cachepy::cache_file("d", format="xml")]] int f7(int x) { return x; } // expected-error {{unknown format 'xml'}} expected-note {{expected "binary", "portable_binary" or "json"}}
