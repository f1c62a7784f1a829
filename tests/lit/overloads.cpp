// Overloads are distinct functions: distinct identities, distinct entries.
//
// RUN: %clangxx %cachepy -fsyntax-only -fplugin-arg-cachepy-dump-rewrite=- %s \
// RUN:   | FileCheck --check-prefix=REWRITE %s
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck --check-prefix=FIRST %s
// RUN: %t/prog | FileCheck --check-prefix=SECOND %s
// RUN: ls -d %t/cache/scale-* | count 2

#include <cachepy/cachepy.hpp>
#include <cstdio>

[[cachepy::cache_file("cache")]]
int scale(int x) { std::printf("executing scale(int)\n"); return x * 10; }
// REWRITE: {{^}}int scale(int x) { static const ::cachepy::detail::function_site cachepy_site(::cachepy::detail::rewrite_abi<{{[0-9]+}}>{}, ::cachepy::detail::site_field::qualified_name{"scale"}, ::cachepy::detail::site_field::identity{"_Z5scalei"},

[[cachepy::cache_file("cache")]]
double scale(double x) { std::printf("executing scale(double)\n"); return x * 0.5; }
// REWRITE: {{^}}double scale(double x) { static const ::cachepy::detail::function_site cachepy_site(::cachepy::detail::rewrite_abi<{{[0-9]+}}>{}, ::cachepy::detail::site_field::qualified_name{"scale"}, ::cachepy::detail::site_field::identity{"_Z5scaled"},

int main() { std::printf("%d %.2f\n", scale(3), scale(3.0)); }
// FIRST-DAG: executing scale(int)
// FIRST-DAG: executing scale(double)
// FIRST: 30 1.50
// SECOND-NOT: executing
// SECOND: 30 1.50
