// A misspelled attribute key or parameter name is an error with clang's "did you
// mean" wording and a fix-it that replaces it, as clang's own typo corrections do.
//
// RUN: not %clangxx %cachepy -fsyntax-only -fdiagnostics-parseable-fixits %s 2>&1 | FileCheck %s
// RUN: %clangxx %cachepy -fsyntax-only -Xclang -verify %s

#include <cachepy/cachepy.hpp>
#include <string>

[[cachepy::cache_file("d", verison="2")]] int f1(int x) { return x; } // expected-error {{unknown cachepy::cache_file argument 'verison'; did you mean 'version'?}}
// CHECK: diag-fixits.cpp:[[#@LINE-1]]:28: error: unknown cachepy::cache_file argument 'verison'; did you mean 'version'?
// CHECK: fix-it:"{{.*}}diag-fixits.cpp":{[[#@LINE-2]]:28-[[#@LINE-2]]:35}:"version"

[[cachepy::cache_file("d", file_args=["pth"])]] int f2(const std::string &path) { return 0; } // expected-error {{'pth' in file_args is not a parameter of 'f2'; did you mean 'path'?}}
// CHECK: diag-fixits.cpp:[[#@LINE-1]]:39: error: 'pth' in file_args is not a parameter of 'f2'; did you mean 'path'?
// CHECK: fix-it:"{{.*}}diag-fixits.cpp":{[[#@LINE-2]]:39-[[#@LINE-2]]:44}:"\"path\""

// Nothing close enough: no guess, the known keys in a note.
[[cachepy::cache_file("d", colour="red")]] int f3(int x) { return x; } // expected-error {{unknown cachepy::cache_file argument 'colour'}} expected-note {{expected one of: version, verbose}}
// CHECK: diag-fixits.cpp:[[#@LINE-1]]:28: error: unknown cachepy::cache_file argument 'colour'{{$}}
// CHECK-NOT: fix-it:
