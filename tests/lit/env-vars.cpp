// env_vars: the named variables' values enter the key; unset differs from empty.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: env -u GENOME_BUILD %t/prog | FileCheck --check-prefix=MISS %s
// RUN: env -u GENOME_BUILD %t/prog | FileCheck --check-prefix=HIT %s
// RUN: env GENOME_BUILD= %t/prog | FileCheck --check-prefix=MISS %s
// RUN: env GENOME_BUILD= %t/prog | FileCheck --check-prefix=HIT %s
// RUN: env GENOME_BUILD=hg38 %t/prog | FileCheck --check-prefix=MISS %s
// RUN: env GENOME_BUILD=hg38 %t/prog | FileCheck --check-prefix=HIT %s
// RUN: env -u GENOME_BUILD %t/prog | FileCheck --check-prefix=HIT %s

#include <cachepy/cachepy.hpp>
#include <cstdio>

[[cachepy::cache_file("cache", env_vars=["GENOME_BUILD"])]]
int align(int reads) { std::printf("executing\n"); return reads * 3; }

int main() { std::printf("%d\n", align(4)); }
// MISS: executing
// HIT-NOT: executing
