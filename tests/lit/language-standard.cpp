// cachepy needs C++17. Compiled as C++14, each cached function is one error at its
// attribute, the header says so once where it is included, and nothing else follows:
// no rewrite, no errors from inside the runtime. A translation unit that merely
// mentions cachepy is still compiled untouched.
//
// DEFINE: %{check} = FileCheck --implicit-check-not=error: --implicit-check-not=warning:
// RUN: not %clangxx %cachepy -std=c++14 -fsyntax-only -fno-caret-diagnostics %s 2>&1 \
// RUN:   | %{check} %s
// RUN: not %clangxx %cachepy -std=c++14 -fsyntax-only -fno-caret-diagnostics -DNO_HEADER %s \
// RUN:   2>&1 | %{check} --check-prefix=NO-HEADER %s
// RUN: not %clangxx -std=c++14 -I%cachepy_include -fsyntax-only -fno-caret-diagnostics \
// RUN:   -Wno-unknown-attributes %s 2>&1 | %{check} --check-prefix=WITHOUT-PLUGIN %s
// RUN: %clangxx %cachepy -std=c++14 -fsyntax-only -Werror %S/Inputs/mentions-cachepy.cpp

#ifndef NO_HEADER
#include <cachepy/cachepy.hpp>
// CHECK: cachepy.hpp:{{[0-9]+}}:{{[0-9]+}}: error: cachepy needs C++17 or later (-std=c++17)
// WITHOUT-PLUGIN: cachepy.hpp:{{[0-9]+}}:{{[0-9]+}}: error: cachepy needs C++17 or later (-std=c++17)
#endif

[[cachepy::cache_file("cache")]]
int square(int x) { return x * x; }
// CHECK: language-standard.cpp:[[#@LINE-1]]:5: error: cachepy::cache_file needs C++17 or later (-std=c++17)
// NO-HEADER: language-standard.cpp:[[#@LINE-2]]:5: error: cachepy::cache_file needs C++17 or later (-std=c++17)

[[cachepy::cache_file("cache", version="2")]]
int cube(int x) { return x * x * x; }
// CHECK-NEXT: language-standard.cpp:[[#@LINE-1]]:5: error: cachepy::cache_file needs C++17 or later (-std=c++17)
// NO-HEADER-NEXT: language-standard.cpp:[[#@LINE-2]]:5: error: cachepy::cache_file needs C++17 or later (-std=c++17)

int main() { return square(2) + cube(2); }
