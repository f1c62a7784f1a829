// The directory of precompiled headers is bounded: when a header is built, the least
// recently used others go until the directory holds at most $CACHEPY_PCH_MAX_MB
// megabytes (512 by default). Loading a header makes it the most recently used; the
// header just built stays even when it alone is over the bound. A header is about
// 18 MB: 38 MB holds two (and not three).
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: env CACHEPY_PCH_MAX_MB=38 %clangxx %cachepy -DSET=1 -fplugin-arg-cachepy-pch-dir=%t/pch -fsyntax-only %s
// RUN: env CACHEPY_PCH_MAX_MB=38 %clangxx %cachepy -DSET=2 -fplugin-arg-cachepy-pch-dir=%t/pch -fsyntax-only %s
// RUN: ls %t/pch/*.pch | count 2
// RUN: touch -d '-2 hours' %t/pch/runtime-*
//
// Set 1 is used again, so set 2's header is the least recently used when set 3 needs room:
// RUN: env CACHEPY_PCH_MAX_MB=38 %clangxx %cachepy -DSET=1 -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch -fsyntax-only %s 2>&1 | FileCheck --check-prefix=LOADED %s
// RUN: env CACHEPY_PCH_MAX_MB=38 %clangxx %cachepy -DSET=3 -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch -fsyntax-only %s 2>&1 | FileCheck --check-prefix=BUILT %s
// RUN: ls %t/pch/*.pch | count 2
// RUN: ls %t/pch/*.inputs | count 2
// RUN: env CACHEPY_PCH_MAX_MB=38 %clangxx %cachepy -DSET=1 -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch -fsyntax-only %s 2>&1 | FileCheck --check-prefix=LOADED %s
// RUN: env CACHEPY_PCH_MAX_MB=38 %clangxx %cachepy -DSET=3 -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch -fsyntax-only %s 2>&1 | FileCheck --check-prefix=LOADED %s
//
// Under the default bound, all are kept:
// RUN: %clangxx %cachepy -DSET=2 -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch -fsyntax-only %s 2>&1 | FileCheck --check-prefix=BUILT %s
// RUN: ls %t/pch/*.pch | count 3
//
// A bound smaller than one header keeps the one just built, and it loads:
// RUN: env CACHEPY_PCH_MAX_MB=1 %clangxx %cachepy -DSET=4 -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch -fsyntax-only %s 2>&1 | FileCheck --check-prefix=BUILT %s
// RUN: ls %t/pch/*.pch | count 1
// RUN: env CACHEPY_PCH_MAX_MB=1 %clangxx %cachepy -DSET=4 -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch -fsyntax-only %s 2>&1 | FileCheck --check-prefix=LOADED %s

// BUILT: runtime precompiled into {{.*}}.pch
// LOADED: runtime loaded from {{.*}}.pch

#include <cachepy/cachepy.hpp>

[[cachepy::cache_file("cache")]]
int twice(int x) { return 2 * x; }
