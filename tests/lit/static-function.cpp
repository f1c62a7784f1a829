// A static (internal linkage) function is cached like any other; its mangled name
// carries the internal-linkage marker. The body, on the line of its '{', is put back at
// its own line and column after the inserted call.
//
// RUN: %clangxx %cachepy -fsyntax-only -fplugin-arg-cachepy-dump-rewrite=- %s \
// RUN:   | FileCheck --check-prefix=REWRITE %s
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck --check-prefix=FIRST %s
// RUN: %t/prog | FileCheck --check-prefix=SECOND %s

#include <cachepy/cachepy.hpp>
#include <cstdio>

[[cachepy::cache_file("cache")]] static long square(long x) { std::printf("executing square\n"); return x * x; }
// REWRITE: {{^}}{{\[\[}}cachepy::cache_file("cache")]] static long square(long x) { static const ::cachepy::detail::function_site cachepy_site(::cachepy::detail::rewrite_abi<{{[0-9]+}}>{}, ::cachepy::detail::site_field::qualified_name{"square"}, ::cachepy::detail::site_field::identity{"_ZL6squarel"}, {{.*}}[&]() -> long {{[{]$}}
// REWRITE-NEXT: {{^}}#line [[#@LINE-2]]{{$}}
// REWRITE-NEXT: {{^}}                                                              std::printf("executing square\n"); return x * x; }, x); }

int main() { std::printf("square %ld\n", square(12)); }
// FIRST: executing square
// FIRST-NEXT: square 144
// SECOND-NOT: executing
// SECOND: square 144
