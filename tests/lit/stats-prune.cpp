// cache_stats counts entries and megabytes; cache_prune removes entries not used for
// the given number of days (their modification time, which `touch` can set) and
// returns how many. A directory holding files the runtime did not write is not a
// cache: neither counted nor pruned, with one warning, as `cachepy` refuses it.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog fill | FileCheck --check-prefix=FILL %s
// RUN: touch -d "10 days ago" cache/square-*/*.cpy
// RUN: %t/prog refresh | FileCheck --check-prefix=REFRESH %s
// RUN: %t/prog prune | FileCheck --check-prefix=PRUNE %s
// RUN: mkdir project
// RUN: touch -d "10 days ago" project/notes.txt project/0123456789abcdef0123456789abcdef.cpy
// RUN: %t/prog prune project 2>warnings | FileCheck --check-prefix=FOREIGN %s
// RUN: FileCheck --check-prefix=WARNINGS --input-file=warnings %s
// RUN: ls project/notes.txt project/0123456789abcdef0123456789abcdef.cpy

#include <cachepy/cachepy.hpp>
#include <cstdio>
#include <string>
#include <vector>

[[cachepy::cache_file("cache")]]
std::vector<double> square(int n) { return std::vector<double>(n * 1000, n); }

int main(int argc, char **argv) {
  const std::string what = argv[1];
  const std::string dir = argc > 2 ? argv[2] : "cache";
  if (what == "fill")
    for (int n = 1; n <= 4; ++n)
      square(n);
  if (what == "refresh")
    square(1); // a hit: the entry is used again, so it is young
  const cachepy::stats before = cachepy::cache_stats(dir);
  std::printf("entries %zu, %.3f MB\n", before.n_entries, before.total_size_mb);
  if (what == "prune") {
    std::printf("pruned %zu\n", cachepy::cache_prune(dir, 5));
    std::printf("left %zu\n", cachepy::cache_stats(dir).n_entries);
  }
  std::printf("missing dir %zu\n", cachepy::cache_stats("no-such-dir").n_entries);
}
// FILL: entries 4, 0.077 MB
// FILL: missing dir 0
// REFRESH: entries 4
// PRUNE: entries 4
// PRUNE-NEXT: pruned 3
// PRUNE-NEXT: left 1
// PRUNE-NEXT: missing dir 0
// FOREIGN: entries 0, 0.000 MB
// FOREIGN-NEXT: pruned 0
// FOREIGN-NEXT: left 0
// FOREIGN-NEXT: missing dir 0
// WARNINGS: cachepy: warning: cache_stats: project is not a cachepy cache directory (it holds project/{{notes.txt|0123456789abcdef0123456789abcdef.cpy}}); nothing counted
// WARNINGS-NEXT: cachepy: warning: cache_prune: project is not a cachepy cache directory (it holds project/{{.*}}); nothing removed
// WARNINGS-NEXT: cachepy: warning: cache_stats: {{.*}}; nothing counted
// WARNINGS-NOT: warning
