// An argument the attribute does not know is an error at the key; a note lists the
// known ones (a misspelling of one: diag-fixits.cpp).
//
// RUN: %clangxx %cachepy -fsyntax-only -Xclang -verify %s

#include <cachepy/cachepy.hpp>

[[cachepy::cache_file("cache", colour="red")]] // expected-error {{unknown cachepy::cache_file argument 'colour'}} expected-note {{expected one of: version, verbose, format, file_args, ignore, depends_on_files, depends_on_vars, env_vars}}
int f(int x) { return x; }
