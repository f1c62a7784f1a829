// The rewritten code needs the runtime's header; the plugin provides it even when the
// user did not include it (and did not pass its include directory).
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx -std=c++17 -fplugin=%plugin %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck --check-prefix=FIRST %s
// RUN: %t/prog | FileCheck --check-prefix=SECOND %s

#include <cstdio>

[[cachepy::cache_file("cache")]]
int answer(int x) { std::printf("executing\n"); return x + 40; }

int main() { std::printf("%d\n", answer(2)); }
// FIRST: executing
// FIRST-NEXT: 42
// SECOND-NOT: executing
// SECOND: 42
