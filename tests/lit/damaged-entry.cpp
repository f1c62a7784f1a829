// A damaged entry is a miss with a warning, then replaced: never a crash, never a
// wrong value.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog 2>&1 | FileCheck --check-prefix=FIRST %s
// RUN: %python -c "import glob; p = glob.glob('cache/*/*.cpy')[0]; b = bytearray(open(p, 'rb').read()); b[-1] ^= 0xff; open(p, 'wb').write(b)"
// RUN: %t/prog 2>&1 | FileCheck --check-prefix=DAMAGED %s
// RUN: %t/prog 2>&1 | FileCheck --check-prefix=REPAIRED %s
// RUN: %python -c "import glob; p = glob.glob('cache/*/*.cpy')[0]; open(p, 'r+b').truncate(20)"
// RUN: %t/prog 2>&1 | FileCheck --check-prefix=DAMAGED-HEADER %s

#include <cachepy/cachepy.hpp>
#include <cstdio>
#include <string>

[[cachepy::cache_file("cache")]]
std::string greeting(const std::string &name) {
  std::printf("executing\n");
  return "hello, " + name;
}

int main() { std::printf("%s\n", greeting("world").c_str()); }
// FIRST: executing
// FIRST-NEXT: hello, world
// DAMAGED: cachepy: warning: ignoring damaged entry {{.*}}.cpy: checksum mismatch
// DAMAGED: executing
// DAMAGED-NEXT: hello, world
// REPAIRED-NOT: executing
// REPAIRED: hello, world
// DAMAGED-HEADER: cachepy: warning: ignoring damaged entry {{.*}}.cpy: truncated header
// DAMAGED-HEADER: executing
// DAMAGED-HEADER-NEXT: hello, world
