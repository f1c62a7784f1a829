// Every site passes the ABI number of the plugin that rewrote it
// (cachepy/detail/rewrite_contract.hpp): code rewritten by a plugin of another number
// does not compile against these runtime headers, and the one error says why, where
// other names or fields would have made another key.
//
// RUN: rm -rf %t && mkdir -p %t/other
// RUN: %clangxx %cachepy -fsyntax-only -fplugin-arg-cachepy-dump-rewrite=%t %s
// RUN: FileCheck --check-prefix=REWRITE --input-file=%t/rewrite-abi.cpp %s
// The rewritten text compiles as it is, without the plugin...
// RUN: %clangxx -std=c++17 -I%cachepy_include -include cachepy/rewritten.hpp \
// RUN:   -Wno-unknown-attributes -fsyntax-only %t/rewrite-abi.cpp
// ...and not as a plugin of another number would have written it.
// RUN: sed 's/rewrite_abi<[0-9]*>/rewrite_abi<0>/' %t/rewrite-abi.cpp > %t/other/rewrite-abi.cpp
// RUN: not %clangxx -std=c++17 -I%cachepy_include -include cachepy/rewritten.hpp \
// RUN:   -Wno-unknown-attributes -fsyntax-only %t/other/rewrite-abi.cpp 2>&1 | FileCheck %s

#include <cachepy/cachepy.hpp>

[[cachepy::cache_file("cache_dir")]]
int twice(int x) {
  return x * 2;
}
// REWRITE: {{^}}int twice(int x) { static const ::cachepy::detail::function_site cachepy_site(::cachepy::detail::rewrite_abi<{{[0-9]+}}>{}, ::cachepy::detail::site_field::qualified_name{"twice"},

// CHECK-NOT: error:
// CHECK: error: static assertion failed due to requirement '{{.*}}': cachepy: this code was rewritten by a cachepy plugin of another version than these runtime headers; compile it with the plugin installed with them
// CHECK-NOT: error:
// CHECK: 1 error generated.

int main() { return twice(21) == 42 ? 0 : 1; }
