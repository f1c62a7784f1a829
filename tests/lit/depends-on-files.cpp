// depends_on_files: files outside the signature whose content enters the key.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: echo "threshold: 5" > settings.yml
// RUN: %t/prog | FileCheck --check-prefix=MISS %s
// RUN: %t/prog | FileCheck --check-prefix=HIT %s
// RUN: echo "threshold: 6" > settings.yml
// RUN: %t/prog | FileCheck --check-prefix=MISS %s
// RUN: rm settings.yml
// RUN: %t/prog | FileCheck --check-prefix=MISS %s
// RUN: %t/prog | FileCheck --check-prefix=HIT %s

#include <cachepy/cachepy.hpp>
#include <cstdio>

[[cachepy::cache_file("cache", depends_on_files=["settings.yml"])]]
int filtered(int n) { std::printf("executing\n"); return n / 2; }

int main() { std::printf("%d\n", filtered(10)); }
// MISS: executing
// HIT-NOT: executing
