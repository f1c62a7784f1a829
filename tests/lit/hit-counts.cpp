// Every process appends its hits to <function dir>/hits.log as it exits, for
// `cachepy ls`; the log is compacted (counts merged per key) when it grows, so it stays
// small however many processes hit, one after the other or at once, and the counts
// stay right. Keys whose entries prune removes leave the log too.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog
// RUN: %t/prog && %t/prog && %t/prog && %t/prog && %t/prog
// RUN: %t/prog && %t/prog && %t/prog && %t/prog && %t/prog
// RUN: %cachepy_cli ls cache --json | %python %S/Inputs/check_hit_log.py 600 10
// RUN: bash -c 'for i in 1 2 3 4 5 6 7 8 9 10; do %t/prog & done; wait'
// RUN: %cachepy_cli ls cache --json | %python %S/Inputs/check_hit_log.py 600 20
// RUN: touch -d "40 days ago" cache/value-*/0*.cpy
// RUN: %cachepy_cli prune cache --days-old 30 | FileCheck %s
// RUN: %cachepy_cli ls cache --json | %python %S/Inputs/check_hit_log.py 600-pruned 20
// CHECK: removed {{[1-9][0-9]*}} entries

#include <cachepy/cachepy.hpp>

[[cachepy::cache_file("cache")]]
int value(int i) { return i * 3; }

int main() {
  long total = 0;
  for (int i = 0; i < 600; ++i)
    total += value(i);
  return total == 3 * 599 * 600 / 2 ? 0 : 1;
}
