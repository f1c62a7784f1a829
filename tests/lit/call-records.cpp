// The call records the plugin writes into every object file it compiles (clang 17+):
// one per function it defines with external linkage, an ELF note in .note.cachepy with
// the hash of the mangled name, the function's AST hash and the name hashes (and the
// names) of the functions it reaches that are defined elsewhere (user code only). Pure
// data: no pointer, so nothing for the dynamic loader to relocate. An explicit
// instantiation's record is in its COMDAT group; a cached function's record is the one
// whose name its rewritten body hands to its site, also when the function is static.
// Inline and static functions get none: their callers define them.
// REQUIRES: records
//
// RUN: %clangxx %cachepy -S -emit-llvm -o %t.ll %s
// RUN: FileCheck %s < %t.ll
// RUN: FileCheck --check-prefix=NONE %s < %t.ll
// RUN: FileCheck --check-prefix=SITE %s < %t.ll
// A comment and reformatting leave scale's hash alone; an edit changes it.
// RUN: %clangxx %cachepy -S -emit-llvm -o %t-commented.ll %s -DCOMMENTED
// RUN: %clangxx %cachepy -S -emit-llvm -o %t-edited.ll %s -DSCALE=3
// RUN: sed -n 's/^@cachepy.record._Z5scalei = .*c"cachepy\\00", i64 [-0-9]*, \(i64 [-0-9]*, i64 [-0-9]*\),.*/\1/p' %t.ll > %t.hash
// RUN: sed -n 's/^@cachepy.record._Z5scalei = .*c"cachepy\\00", i64 [-0-9]*, \(i64 [-0-9]*, i64 [-0-9]*\),.*/\1/p' %t-commented.ll > %t-commented.hash
// RUN: sed -n 's/^@cachepy.record._Z5scalei = .*c"cachepy\\00", i64 [-0-9]*, \(i64 [-0-9]*, i64 [-0-9]*\),.*/\1/p' %t-edited.ll > %t-edited.hash
// RUN: FileCheck --check-prefix=HASH %s < %t.hash
// RUN: diff %t.hash %t-commented.hash
// RUN: not diff %t.hash %t-edited.hash
// RUN: %clangxx %cachepy -O2 -S -emit-llvm -o - %s | FileCheck --check-prefix=OPTIMIZED %s
// Linked with unused sections dropped, by either linker, the notes stay, with no
// relocation.
// RUN: %clangxx %cachepy -c -ffunction-sections -fdata-sections -o %t.o %s
// RUN: %clangxx -fuse-ld=bfd -Wl,--gc-sections %t.o %cachepy_link -o %t.bfd -Wl,--unresolved-symbols=ignore-all
// RUN: %clangxx -fuse-ld=lld -Wl,--gc-sections %t.o %cachepy_link -o %t.lld -Wl,--unresolved-symbols=ignore-all
// RUN: llvm-readelf --notes %t.bfd | FileCheck --check-prefix=LINKED %s
// RUN: llvm-readelf --notes %t.lld | FileCheck --check-prefix=LINKED %s

#include <cachepy/cachepy.hpp>
#include <cstdio>

#ifndef SCALE
#define SCALE 2
#endif

int twice(int x);                    // defined elsewhere
int library_step();                  // defined elsewhere
inline int offset() { return 1; }    // inline: in its callers' hashes
static int helper(int x) { return twice(x) + library_step(); }

#ifdef COMMENTED
/* The same function, reformatted. */
int scale(int x)
{
  return helper(x) * SCALE + offset();   // unchanged
}
#else
int scale(int x) { return helper(x) * SCALE + offset(); }
#endif

__attribute__((visibility("hidden"))) int hidden_step() { return twice(1); }

template <class T> T identity(T value) { return value; }
template int identity<int>(int);

[[cachepy::cache_file("cache")]]
int score(int x) { std::printf("scoring\n"); return scale(x); }

[[cachepy::cache_file("cache")]]
static int local_score(int x) { return twice(x); }

int main() { return score(1) + local_score(2) + hidden_step(); }

// scale's record reaches twice and library_step through helper; printf is the compiler's.
// CHECK-DAG: @cachepy.record._Z5scalei = private constant <{ i32, i32, i32, [8 x i8], i64, i64, i64, i32, [2 x i64], [20 x i8] }> <{ i32 8, i32 64, i32 1, [8 x i8] c"cachepy\00", i64 {{-?[0-9]+}}, i64 {{-?[0-9]+}}, i64 {{-?[0-9]+}}, i32 2, [2 x i64] [i64 {{-?[0-9]+}}, i64 {{-?[0-9]+}}], [20 x i8] c"{{(twice\\00library_step|library_step\\00twice)}}\00\00" }>, section ".note.cachepy", no_sanitize_address, no_sanitize_hwaddress, align 4
// CHECK-DAG: @cachepy.record._Z11hidden_stepv = private constant {{.*}} section ".note.cachepy", no_sanitize_address, no_sanitize_hwaddress, align 4
// CHECK-DAG: @cachepy.record._Z8identityIiET_S0_ = private constant {{.*}} section ".note.cachepy", no_sanitize_address, no_sanitize_hwaddress, comdat($_Z8identityIiET_S0_), align 4
// CHECK-DAG: @cachepy.record._Z5scorei = private constant {{.*}} i32 2, [2 x i64]
// CHECK-DAG: @cachepy.record._ZL11local_scorei = private constant {{.*}} i32 1, [1 x i64]
// CHECK-DAG: @llvm.compiler.used = {{.*}}@cachepy.record._Z5scalei
// NONE-NOT: cachepy.record._Z6offsetv
// NONE-NOT: cachepy.record._ZL6helperi
// NONE-NOT: cachepy.record.printf
// NONE-NOT: cachepy.record.main
// NONE-NOT: cachepy.record.{{[^ ,]*}}cachepy6detail
// No weak reference (AddressSanitizer's own section bounds, __start_asan_globals, aside).
// NONE-NOT: {{^@[^_][^ ]*}} = extern_weak

// The rewritten bodies hand their own record's name to their site.
// SITE: @cachepy.record._Z5scorei = {{.*}}c"cachepy\00", i64 [[SCORE:-?[0-9]+]],
// SITE: @cachepy.record._ZL11local_scorei = {{.*}}c"cachepy\00", i64 [[LOCAL:-?[0-9]+]],
// SITE: {{call|invoke}} {{.*}}site_field{{.*}}record_name{{.*}}(ptr {{.*}}, i64 noundef [[SCORE]])
// SITE: {{call|invoke}} {{.*}}function_site{{.*}}(ptr {{.*}}@_ZZ5scoreiE12cachepy_site,
// SITE: {{call|invoke}} {{.*}}site_field{{.*}}record_name{{.*}}(ptr {{.*}}, i64 noundef [[LOCAL]])
// SITE: {{call|invoke}} {{.*}}function_site{{.*}}(ptr {{.*}}@_ZZL11local_scoreiE12cachepy_site,

// HASH: {{^}}i64 {{-?[0-9]+}}, i64 {{-?[0-9]+}}{{$}}

// Optimization keeps the records.
// OPTIMIZED-DAG: @cachepy.record._Z5scalei = private constant {{.*}} section ".note.cachepy"

// LINKED: Displaying notes found in: .note.cachepy
// LINKED-NEXT: Owner
// LINKED-NEXT: cachepy 0x00000040
