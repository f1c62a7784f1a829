// The simplest cached function: its body runs inside a lambda handed to the runtime,
// on the same lines, and a second process gets the stored result.
//
// RUN: %clangxx %cachepy -fsyntax-only -fplugin-arg-cachepy-dump-rewrite=- %s \
// RUN:   | FileCheck --check-prefix=REWRITE %s
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck --check-prefix=FIRST %s
// RUN: %t/prog | FileCheck --check-prefix=SECOND %s
// RUN: ls %t/cache_dir/transform-*/*.cpy | count 2

#include <cachepy/cachepy.hpp>
#include <cstdio>

[[cachepy::cache_file("cache_dir")]]
int transform(int x) {
  std::printf("executing transform(%d)\n", x);
  return x * 2;
}
// REWRITE: {{^}}int transform(int x) { static const ::cachepy::detail::function_site cachepy_site(::cachepy::detail::rewrite_abi<{{[0-9]+}}>{}, ::cachepy::detail::site_field::qualified_name{"transform"}, ::cachepy::detail::site_field::identity{"_Z9transformi"}, ::cachepy::detail::site_field::ast_hash_high{0x{{[0-9a-f]+}}ULL}, ::cachepy::detail::site_field::ast_hash_low{0x{{[0-9a-f]+}}ULL}, ::cachepy::detail::site_field::record_name{0x{{[0-9a-f]+}}ULL}, ::cachepy::detail::site_field::layout{0x{{[0-9a-f]+}}ULL}, ::cachepy::detail::site_field::version{""}, ::cachepy::detail::site_field::verbose{false}, ::cachepy::detail::site_field::max_age_seconds{0ULL}); return ::cachepy::detail::call<::cachepy::detail::format_choice::configured>(cachepy_site, "cache_dir", ::cachepy::detail::context_of(), [&]() -> int {
// REWRITE-NEXT: {{^}}  std::printf("executing transform(%d)\n", x);
// REWRITE-NEXT: {{^}}  return x * 2;
// REWRITE-NEXT: {{^}}}, x); }

int main() {
  std::printf("result %d\n", transform(21));
  std::printf("result %d\n", transform(5));
}
// FIRST: executing transform(21)
// FIRST-NEXT: result 42
// FIRST-NEXT: executing transform(5)
// FIRST-NEXT: result 10

// SECOND-NOT: executing
// SECOND: result 42
// SECOND-NEXT: result 10
