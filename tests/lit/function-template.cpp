// A function template's pattern is rewritten once; every instantiation names itself
// at run time (__PRETTY_FUNCTION__) and so gets entries of its own.
//
// RUN: %clangxx %cachepy -fsyntax-only -fplugin-arg-cachepy-dump-rewrite=- %s \
// RUN:   | FileCheck --check-prefix=REWRITE %s
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck --check-prefix=FIRST %s
// RUN: %t/prog | FileCheck --check-prefix=SECOND %s
// RUN: ls -d %t/cache/twice-* | count 2

#include <cachepy/cachepy.hpp>
#include <cstdio>
#include <string>

template <class T>
[[cachepy::cache_file("cache")]]
T twice(const T &x) {
  std::printf("executing twice\n");
  return x + x;
}
// REWRITE: {{^}}T twice(const T &x) { static const ::cachepy::detail::function_site cachepy_site(::cachepy::detail::rewrite_abi<{{[0-9]+}}>{}, ::cachepy::detail::site_field::qualified_name{"twice"}, ::cachepy::detail::site_field::identity{__PRETTY_FUNCTION__}, {{.*}} [&]() -> T {
// REWRITE: {{^}}}, x); }

int main() {
  std::printf("%d %s\n", twice(21), twice(std::string("ab")).c_str());
}
// FIRST-COUNT-2: executing twice
// FIRST-NEXT: 42 abab
// SECOND-NOT: executing
// SECOND: 42 abab
