// CACHEPY_DISABLE=1 runs everything uncached: nothing is read, nothing is written.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: env CACHEPY_DISABLE=1 %t/prog | FileCheck --check-prefix=RUNS %s
// RUN: not ls cache
// RUN: %t/prog | FileCheck --check-prefix=RUNS %s
// RUN: env CACHEPY_DISABLE=1 %t/prog | FileCheck --check-prefix=RUNS %s
// RUN: env CACHEPY_DISABLE=0 %t/prog | FileCheck --check-prefix=HIT %s

#include <cachepy/cachepy.hpp>
#include <cstdio>

[[cachepy::cache_file("cache")]]
int work(int x) { std::printf("executing\n"); return x; }

int main() { std::printf("%d\n", work(1)); }
// RUNS: executing
// HIT-NOT: executing
