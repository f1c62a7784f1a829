// What the plugin cannot do inside macros is an error, never a silently uncached
// function: a function whose body comes from a macro, and attribute arguments that
// use a function-like macro's parameters. A forwarding reference that binds a
// mutable lvalue is caught per instantiation.
//
// RUN: not %clangxx %cachepy -fsyntax-only %s 2>&1 | FileCheck %s

#include <cachepy/cachepy.hpp>
#include <vector>

// Errors found while parsing come first, those that need whole bodies at the end.
#define CACHED_IN(dir) [[cachepy::cache_file(dir)]]
// CHECK: diag-macros.cpp:[[#@LINE-1]]:{{[0-9]+}}: error: cachepy::cache_file arguments cannot use the parameters of the macro they are written in ('dir'){{$}}
// CHECK: note: write the attribute outside the macro
CACHED_IN("c") int cube(int x) { return x * x * x; }

#define DEFINE_SQUARE(NAME) [[cachepy::cache_file("c")]] int NAME(int x) { return x * x; }
DEFINE_SQUARE(square)

template <class T>
[[cachepy::cache_file("c")]]
int push(T &&values) { values.push_back(7); return static_cast<int>(values.size()); }

int main() {
  std::vector<int> v;
  return push(v) + push(std::vector<int>{});
}
// CHECK: error: static assertion failed due to requirement '!{{(::)?}}cachepy::detail::is_mutable_lvalue_reference<std::vector<int, std::allocator<int>> &>::value': cachepy: a cached function cannot take a non-const lvalue reference (here 'values')
// CHECK: diag-macros.cpp:[[#@LINE-11]]:{{[0-9]+}}: error: cachepy::cache_file cannot cache a function whose body comes from a macro expansion
// CHECK-NOT: error:
// CHECK: 3 errors generated.
