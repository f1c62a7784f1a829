// A file_args parameter must be able to name a file: one error saying so.
//
// RUN: not %clangxx %cachepy -fsyntax-only %s 2>&1 | FileCheck %s

#include <cachepy/cachepy.hpp>

[[cachepy::cache_file("d", file_args=["count"])]]
int f(int count) { return count; }
// CHECK: error: static assertion failed due to requirement '{{(cachepy::detail::)?}}names_a_file<int>::value': cachepy: a file_args parameter must name a file: std::string, std::string_view, const char * or std::filesystem::path
// CHECK-NOT: error:
// CHECK: 1 error generated.
