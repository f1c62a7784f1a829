// Flags that cannot change what the runtime header means do not make another
// precompiled header: warning flags (-W*, -w, -pedantic), how diagnostics look
// (colours, carets, message length, limits), the output and the dependency file. The
// compilation's own warning flags still decide what is reported in the user's code.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy -fplugin-arg-cachepy-pch-dir=%t/pch -c %s -o a.o
// RUN: %clangxx %cachepy -fplugin-arg-cachepy-pch-dir=%t/pch -c %s -o a.o
// RUN: %clangxx %cachepy -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch \
// RUN:   -Wall -Wextra -Werror=unused-parameter -Wno-unused-variable -pedantic -w \
// RUN:   -fno-color-diagnostics -fno-caret-diagnostics -fmessage-length=72 -ferror-limit=3 \
// RUN:   -ftemplate-backtrace-limit=4 -fdiagnostics-show-template-tree \
// RUN:   -c %s -o b.o -MD -MF b.d 2>&1 | FileCheck --check-prefix=LOADED %s
// RUN: %clangxx %cachepy -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch \
// RUN:   -Wunused-variable -c %s -o c.o 2>&1 | FileCheck --check-prefix=WARNED %s
// RUN: ls %t/pch/*.pch | count 1
// RUN: test -s b.d && test -f b.o && test -f c.o
//
// A flag that changes the header's meaning still makes another:
// RUN: %clangxx %cachepy -DOTHER_MEANING -fplugin-arg-cachepy-pch-dir=%t/pch -c %s -o d.o
// RUN: %clangxx %cachepy -DOTHER_MEANING -fplugin-arg-cachepy-pch-dir=%t/pch -c %s -o d.o
// RUN: ls %t/pch/*.pch | count 2

// LOADED: runtime loaded from {{.*}}.pch
// WARNED: runtime loaded from {{.*}}.pch
// WARNED: warning: unused variable 'unused'

#include <cachepy/cachepy.hpp>

[[cachepy::cache_file("cache")]]
int twice(int x) { return 2 * x; }

int uncached() {
  int unused = 0;
  return 1;
}
