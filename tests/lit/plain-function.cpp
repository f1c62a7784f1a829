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
// REWRITE: {{^}}int transform(int x) { static const ::cachepy::detail::function_site cachepy_site("transform", "_Z9transformi", 0x{{[0-9a-f]+}}ULL, 0x{{[0-9a-f]+}}ULL, 0x{{[0-9a-f]+}}ULL, 0x{{[0-9a-f]+}}ULL, "", false); return ::cachepy::detail::call<::cachepy::detail::format_choice::configured>(cachepy_site, "cache_dir", ::cachepy::detail::context_of(), [&]() -> int {
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
