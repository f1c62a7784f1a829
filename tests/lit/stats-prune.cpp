// cache_stats counts entries and megabytes; cache_prune removes entries not used for
// the given number of days (their modification time, which `touch` can set) and
// returns how many. Files the runtime did not write are neither counted nor removed.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog fill | FileCheck --check-prefix=FILL %s
// RUN: touch -d "10 days ago" cache/square-*/*.cpy
// RUN: touch -d "10 days ago" cache/notes.txt cache/0123.cpy
// RUN: %t/prog refresh | FileCheck --check-prefix=REFRESH %s
// RUN: %t/prog prune | FileCheck --check-prefix=PRUNE %s
// RUN: ls cache/notes.txt cache/0123.cpy

#include <cachepy/cachepy.hpp>
#include <cstdio>
#include <string>
#include <vector>

[[cachepy::cache_file("cache")]]
std::vector<double> square(int n) { return std::vector<double>(n * 1000, n); }

int main(int, char **argv) {
  const std::string what = argv[1];
  if (what == "fill")
    for (int n = 1; n <= 4; ++n)
      square(n);
  if (what == "refresh")
    square(1); // a hit: the entry is used again, so it is young
  const cachepy::stats before = cachepy::cache_stats("cache");
  std::printf("entries %zu, %.3f MB\n", before.n_entries, before.total_size_mb);
  if (what == "prune") {
    std::printf("pruned %zu\n", cachepy::cache_prune("cache", 5));
    std::printf("left %zu\n", cachepy::cache_stats("cache").n_entries);
  }
  std::printf("missing dir %zu\n", cachepy::cache_stats("no-such-dir").n_entries);
}
// FILL: entries 4, 0.077 MB
// FILL: missing dir 0
// REFRESH: entries 4
// PRUNE: entries 4
// PRUNE-NEXT: pruned 3
// PRUNE-NEXT: left 1
