// The attribute may sit on a declaration; the definition that follows in the same
// translation unit is the one rewritten, with the declaration's arguments.
//
// RUN: %clangxx %cachepy -fsyntax-only -fplugin-arg-cachepy-dump-rewrite=- %s \
// RUN:   | FileCheck --check-prefix=REWRITE %s
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck --check-prefix=FIRST %s
// RUN: %t/prog | FileCheck --check-prefix=SECOND %s

#include <cachepy/cachepy.hpp>
#include <cstdio>

[[cachepy::cache_file("declared_dir")]]
int cube(int x);
// REWRITE: {{^}}int cube(int x);{{$}}

int main() { std::printf("cube %d\n", cube(3)); }

int cube(int x) {
  std::printf("executing cube\n");
  return x * x * x;
}
// REWRITE: {{^}}int cube(int x) { static const ::cachepy::detail::function_site cachepy_site(::cachepy::detail::rewrite_abi<{{[0-9]+}}>{}, ::cachepy::detail::site_field::qualified_name{"cube"}, ::cachepy::detail::site_field::identity{"_Z4cubei"}, {{.*}} ::cachepy::detail::call<::cachepy::detail::format_choice::configured>(cachepy_site, "declared_dir", ::cachepy::detail::context_of(), [&]() -> int {

// FIRST: executing cube
// FIRST-NEXT: cube 27
// SECOND-NOT: executing
// SECOND: cube 27
