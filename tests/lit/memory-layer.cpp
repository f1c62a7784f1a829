// Results this process read or stored are kept in memory (memory_mb, 256 by default):
// a repeated hit then touches no file, so it still hits after the entry is removed
// from disk. CACHEPY_MEMORY_MB=0 (or memory_mb: 0) turns the layer off. Large results
// are kept once computed (or from their second read); the kept copy is a copy (the
// caller may change its own).
// Standard vocabulary types (forward_list, multimap, bitset, complex, chrono, path,
// variant with monostate, ...) are kept like containers.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck %s --check-prefix=KEPT
// RUN: rm -rf %t/cache && env CACHEPY_MEMORY_MB=0 %t/prog | FileCheck %s --check-prefix=OFF

#include <cachepy/cachepy.hpp>
#include <bitset>
#include <chrono>
#include <complex>
#include <cstdio>
#include <filesystem>
#include <forward_list>
#include <map>
#include <tuple>
#include <variant>
#include <vector>

[[cachepy::cache_file("cache")]]
int square(int x) { std::printf("executing square(%d)\n", x); return x * x; }

[[cachepy::cache_file("cache")]]
std::vector<double> big(int n) {
  std::printf("executing big(%d)\n", n);
  return std::vector<double>(n, 0.5);
}

// The standard vocabulary types copy deeply too, and are kept.
using Vocabulary = std::tuple<std::forward_list<int>, std::multimap<int, int>, std::bitset<8>,
                              std::complex<double>, std::chrono::seconds, std::filesystem::path,
                              std::variant<std::monostate, int>>;
[[cachepy::cache_file("cache")]]
Vocabulary vocabulary(int x) {
  std::printf("executing vocabulary(%d)\n", x);
  return {{x}, {{x, x}}, std::bitset<8>(x), {1.0 * x, 0}, std::chrono::seconds(x), "p", {}};
}

int main() {
  std::printf("%d\n", square(3));
  std::filesystem::remove_all("cache");
  std::printf("after removal: %d\n", square(3));
  // KEPT: executing square(3)
  // KEPT-NEXT: 9
  // KEPT-NEXT: after removal: 9
  // OFF: executing square(3)
  // OFF-NEXT: 9
  // OFF-NEXT: executing square(3)
  // OFF-NEXT: after removal: 9

  vocabulary(2);
  std::filesystem::remove_all("cache");
  std::printf("after removal: %lu\n", std::get<2>(vocabulary(2)).to_ulong());
  // KEPT: executing vocabulary(2)
  // KEPT-NEXT: after removal: 2
  // OFF: executing vocabulary(2)
  // OFF-NEXT: executing vocabulary(2)
  // OFF-NEXT: after removal: 2

  const int n = 1 << 20; // 8 MB: kept once computed, so the first hit is from memory too
  std::vector<double> first = big(n);
  first[0] = 99;         // the caller's copy, not the cache's
  std::filesystem::remove_all("cache");
  std::vector<double> second = big(n);
  std::printf("%zu %g\n", second.size(), second[0]);
  // KEPT: executing big(1048576)
  // KEPT-NEXT: 1048576 0.5
  // OFF: executing big(1048576)
  // OFF-NEXT: executing big(1048576)
  // OFF-NEXT: 1048576 0.5
}
