// A cached function defined in a user header is rewritten in that header, in every
// translation unit that includes it; the compiler's own headers are never touched.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy -I%S/Inputs -fsyntax-only -fplugin-arg-cachepy-dump-rewrite=%t/rewrite %s
// RUN: FileCheck --check-prefix=HEADER --input-file=%t/rewrite/cached_header.h %s
// RUN: FileCheck --check-prefix=MAIN --input-file=%t/rewrite/header-function.cpp %s
// RUN: %clangxx %cachepy -I%S/Inputs %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck --check-prefix=FIRST %s
// RUN: %t/prog | FileCheck --check-prefix=SECOND %s

#include "cached_header.h"
// HEADER: {{^}}inline int header_triple(int x) {{[{]$}}
// HEADER: {{^}}inline int header_cached(int x) { static const ::cachepy::detail::function_site cachepy_site(::cachepy::detail::rewrite_abi<{{[0-9]+}}>{}, ::cachepy::detail::site_field::qualified_name{"header_cached"},

[[cachepy::cache_file("cache")]]
int main_file_cached(int x) { return header_cached(x) * 2; }
// MAIN: {{^}}int main_file_cached(int x) { static const

int main() { std::printf("%d\n", main_file_cached(4)); }
// FIRST: executing header_cached
// FIRST-NEXT: 26
// SECOND-NOT: executing
// SECOND: 26
