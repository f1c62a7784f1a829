// A function in a namespace keeps its qualified name (logs, entry directory) and its
// mangled name (identity).
//
// RUN: %clangxx %cachepy -fsyntax-only -fplugin-arg-cachepy-dump-rewrite=- %s \
// RUN:   | FileCheck --check-prefix=REWRITE %s
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck --check-prefix=FIRST %s
// RUN: %t/prog | FileCheck --check-prefix=SECOND %s
// RUN: ls -d %t/cache/genomics.qc.gc_content-* | count 1

#include <cachepy/cachepy.hpp>
#include <cstdio>
#include <string>

namespace genomics::qc {
[[cachepy::cache_file("cache")]]
double gc_content(const std::string &sequence) {
  std::printf("executing gc_content\n");
  double gc = 0;
  for (char base : sequence)
    gc += base == 'G' || base == 'C';
  return gc / sequence.size();
}
// REWRITE: {{^}}double gc_content(const std::string &sequence) { static const ::cachepy::detail::function_site cachepy_site(::cachepy::detail::rewrite_abi<{{[0-9]+}}>{}, ::cachepy::detail::site_field::qualified_name{"genomics::qc::gc_content"}, ::cachepy::detail::site_field::identity{"_ZN8genomics2qc10gc_contentERKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEE"}, {{.*}} [&]() -> double {
} // namespace genomics::qc

int main() { std::printf("gc %.2f\n", genomics::qc::gc_content("GATTACA")); }
// FIRST: executing gc_content
// FIRST-NEXT: gc 0.29
// SECOND-NOT: executing
// SECOND: gc 0.29
