// A cached function whose body does not compile is not rewritten: its errors are
// clang's own, at the user's line and column, and speak of the user's code, not of
// the lambda and runtime call it would have become.
//
// RUN: not %clangxx %cachepy -fsyntax-only -fno-caret-diagnostics %s 2>&1 \
// RUN:   | FileCheck --implicit-check-not=error: \
// RUN:     --implicit-check-not=cachepy:: --implicit-check-not=lambda %s

#include <cachepy/cachepy.hpp>
#include <string>

[[cachepy::cache_file("d")]] int length(int x) { return x.size(); }
// CHECK: diag-body-errors.cpp:[[#@LINE-1]]:58: error: member reference base type 'int' is not a structure or union

[[cachepy::cache_file("d")]] int name(int x) { if (x) return 1; return "one"; }
// CHECK-NEXT: diag-body-errors.cpp:[[#@LINE-1]]:72: error: cannot initialize return object of type 'int' with an lvalue of type 'const char[4]'

// Without the plugin an error; rewritten, `-> int` would have converted 2.0 silently.
[[cachepy::cache_file("d")]] auto pick(int x) { if (x) return 1; return 2.0; }
// CHECK-NEXT: diag-body-errors.cpp:[[#@LINE-1]]:66: error: 'auto' in return type deduced as 'double' here but deduced as 'int' in earlier return statement

[[cachepy::cache_file("d")]]
std::string greet(const std::string &who) {
  return "hello " + who * 2;
}
// CHECK-NEXT: diag-body-errors.cpp:[[#@LINE-2]]:25: error: invalid operands to binary expression ('const std::string' (aka 'const basic_string<char>') and 'int')

template <class T>
[[cachepy::cache_file("d")]] T twice(T x) { return x.twice(); }
// CHECK: diag-body-errors.cpp:[[#@LINE-1]]:53: error: member reference base type 'int' is not a structure or union
// CHECK-NEXT: diag-body-errors.cpp:[[#@LINE+1]]:21: note: in instantiation of function template specialization 'twice<int>' requested here
int main() { return twice(1); }
