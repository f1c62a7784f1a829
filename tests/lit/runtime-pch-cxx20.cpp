// C++20 and later get the precompiled runtime too. Every C++20 compilation has the
// named-modules syntax on (clang's LangOptions say "modules"), which is not Clang's
// -fmodules: the header is built and loaded as under C++17. c++2b is clang 16's c++23.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy -std=c++20 -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch %s %cachepy_link -o cxx20 2>&1 | FileCheck --check-prefix=BUILT %s
// RUN: %clangxx %cachepy -std=c++20 -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch %s %cachepy_link -o cxx20 2>&1 | FileCheck --check-prefix=LOADED %s
// RUN: ./cxx20 | FileCheck --check-prefix=MISS %s
// RUN: ./cxx20 | FileCheck --check-prefix=HIT %s
// RUN: %clangxx %cachepy -std=gnu++20 -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch %s %cachepy_link -o gnu20 2>&1 | FileCheck --check-prefix=BUILT %s
// RUN: %clangxx %cachepy -std=gnu++20 -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch %s %cachepy_link -o gnu20 2>&1 | FileCheck --check-prefix=LOADED %s
// RUN: rm -rf cache && ./gnu20 | FileCheck --check-prefix=MISS %s
// RUN: ./gnu20 | FileCheck --check-prefix=HIT %s
// RUN: %clangxx %cachepy -std=c++2b -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch %s %cachepy_link -o cxx23 2>&1 | FileCheck --check-prefix=BUILT %s
// RUN: %clangxx %cachepy -std=c++2b -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch %s %cachepy_link -o cxx23 2>&1 | FileCheck --check-prefix=LOADED %s
// RUN: rm -rf cache && ./cxx23 | FileCheck --check-prefix=MISS %s
// RUN: ./cxx23 | FileCheck --check-prefix=HIT %s
// Spelled c++23 where the compiler knows the name (clang 17 and newer): the same
// language, the same header.
// RUN: %if std-c++23 %{ %clangxx %cachepy -std=c++23 -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch -fsyntax-only %s 2>&1 | FileCheck --check-prefix=LOADED %s %}
// RUN: ls %t/pch/*.pch | count 3
//
// Clang's own modules (-fmodules) still mean text.
// RUN: %clangxx %cachepy -std=c++20 -fmodules -fmodules-cache-path=%t/modules -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch -fsyntax-only %s 2>&1 | FileCheck --check-prefix=TEXT %s
// RUN: %clangxx %cachepy -std=c++20 -fmodules -fno-implicit-module-maps -fmodules-cache-path=%t/modules -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch -fsyntax-only %s 2>&1 | FileCheck --check-prefix=TEXT %s

// BUILT: runtime precompiled into {{.*}}.pch
// LOADED: runtime loaded from {{.*}}.pch
// TEXT: runtime included as text{{$}}
// MISS: computed 42
// HIT-NOT: computed
// HIT: 42

#include <cachepy/cachepy.hpp>
#include <cstdio>

[[cachepy::cache_file("cache")]]
int answer(int x) {
  std::printf("computed ");
  return x * 2;
}

int main() { std::printf("%d\n", answer(21)); }
