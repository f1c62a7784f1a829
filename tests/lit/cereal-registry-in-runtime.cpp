// cereal's registry of polymorphic casts is a static object with a dynamic initializer,
// which every translation unit that includes cereal/types/memory.hpp would define and
// compile at -O2 (hash tables of hash tables). The runtime library defines it once; a
// rewritten translation unit, its runtime precompiled or as text, only refers to it.
// (polymorphic.cpp runs a program whose registry is the library's.)
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy -O2 -fplugin-arg-cachepy-pch-dir=%t/pch -c %s -o %t/pch.o
// RUN: llvm-nm -C --defined-only %t/pch.o | FileCheck --implicit-check-not=PolymorphicCasters %s
// RUN: %clangxx %cachepy -O2 -fplugin-arg-cachepy-no-pch -c %s -o %t/text.o
// RUN: llvm-nm -C --defined-only %t/text.o | FileCheck --implicit-check-not=PolymorphicCasters %s
// CHECK: answer(int)

#include <cachepy/cachepy.hpp>

[[cachepy::cache_file("cache")]]
int answer(int x) { return x + 40; }
