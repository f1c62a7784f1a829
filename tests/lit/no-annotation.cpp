// A translation unit without the attribute is left untouched: nothing is rewritten
// and the object file is byte for byte the one clang makes without the plugin.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clangxx %cachepy -O2 -c %s -o %t/with-plugin.o -fplugin-arg-cachepy-dump-rewrite=%t/rewrite
// RUN: %clangxx -std=c++17 -O2 -c %s -o %t/without-plugin.o
// RUN: cmp %t/with-plugin.o %t/without-plugin.o
// RUN: not ls %t/rewrite

#include <cstdio>
#include <vector>

int sum(const std::vector<int> &values) {
  int total = 0;
  for (int v : values)
    total += v;
  return total;
}

int main() { std::printf("%d\n", sum({1, 2, 3})); }
