// The call records the plugin writes into every object file it compiles (clang 17+):
// one per function it defines with external linkage, named after the mangled name,
// with the function's AST hash and weak references to the records of the functions it
// reaches that are defined elsewhere (user code only). A record has its function's
// linkage and visibility; an explicit instantiation's is folded by the linker (COMDAT);
// a cached function's record is the one its rewritten body names, internal when the
// function is. Inline and static functions get none: their callers define them.
// REQUIRES: records
//
// RUN: %clangxx %cachepy -S -emit-llvm -o %t.ll %s
// RUN: FileCheck %s < %t.ll
// RUN: FileCheck --check-prefix=NONE %s < %t.ll
// RUN: grep -c 'c"twice\\00"' %t.ll | FileCheck --check-prefix=ONE-NAME %s
// A comment and reformatting leave scale's hash alone; an edit changes it.
// RUN: %clangxx %cachepy -S -emit-llvm -o %t-commented.ll %s -DCOMMENTED
// RUN: %clangxx %cachepy -S -emit-llvm -o %t-edited.ll %s -DSCALE=3
// RUN: sed -n 's/^@cachepy.record._Z5scalei = constant { i64, i64, i64, ptr } { \(i64 [-0-9]*, i64 [-0-9]*\),.*/\1/p' %t.ll > %t.hash
// RUN: sed -n 's/^@cachepy.record._Z5scalei = constant { i64, i64, i64, ptr } { \(i64 [-0-9]*, i64 [-0-9]*\),.*/\1/p' %t-commented.ll > %t-commented.hash
// RUN: sed -n 's/^@cachepy.record._Z5scalei = constant { i64, i64, i64, ptr } { \(i64 [-0-9]*, i64 [-0-9]*\),.*/\1/p' %t-edited.ll > %t-edited.hash
// RUN: FileCheck --check-prefix=HASH %s < %t.hash
// RUN: diff %t.hash %t-commented.hash
// RUN: not diff %t.hash %t-edited.hash
// RUN: %clangxx %cachepy -O2 -S -emit-llvm -o - %s | FileCheck --check-prefix=OPTIMIZED %s

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
// CHECK-DAG: @cachepy.record._Z5scalei = constant { i64, i64, i64, ptr } { i64 {{-?[0-9]+}}, i64 {{-?[0-9]+}}, i64 2, ptr @[[SCALE_CALLEES:[^ ]+]] }, align 8
// CHECK-DAG: @[[SCALE_CALLEES]] = private unnamed_addr constant [2 x { ptr, ptr }] [{ ptr, ptr } { ptr @cachepy.record._Z12library_stepv, ptr @{{[^ ]+}} }, { ptr, ptr } { ptr @cachepy.record._Z5twicei, ptr @{{[^ ]+}} }]
// CHECK-DAG: @cachepy.record._Z5twicei = extern_weak constant { i64, i64, i64, ptr }
// CHECK-DAG: @cachepy.record._Z12library_stepv = extern_weak constant { i64, i64, i64, ptr }
// CHECK-DAG: private unnamed_addr constant [6 x i8] c"twice\00"
// CHECK-DAG: private unnamed_addr constant [13 x i8] c"library_step\00"
// CHECK-DAG: @cachepy.record._Z11hidden_stepv = hidden constant
// CHECK-DAG: @cachepy.record._Z8identityIiET_S0_ = weak_odr constant {{.*}} comdat
// CHECK-DAG: @cachepy.record._Z5scorei = constant { i64, i64, i64, ptr } { i64 {{-?[0-9]+}}, i64 {{-?[0-9]+}}, i64 2, ptr
// CHECK-DAG: @cachepy.record._ZL11local_scorei = internal constant { i64, i64, i64, ptr } { i64 {{-?[0-9]+}}, i64 {{-?[0-9]+}}, i64 1, ptr
// The rewritten bodies hand their own record to their site.
// CHECK-DAG: {{call|invoke}} {{.*}}function_site{{.*}}(ptr {{.*}}@_ZZ5scoreiE12cachepy_site, {{.*}}ptr noundef @cachepy.record._Z5scorei
// NONE-NOT: cachepy.record._Z6offsetv
// NONE-NOT: cachepy.record._ZL6helperi
// NONE-NOT: cachepy.record.printf
// NONE-NOT: cachepy.record.main
// NONE-NOT: cachepy.record.{{.*}}cachepy6detail

// Each callee's name is written once, however many records name it.
// ONE-NAME: {{^}}1{{$}}

// HASH: {{^}}i64 {{-?[0-9]+}}, i64 {{-?[0-9]+}}{{$}}

// Optimization keeps the records, and their references.
// OPTIMIZED-DAG: @cachepy.record._Z5scalei = {{(local_unnamed_addr )?}}constant
// OPTIMIZED-DAG: @cachepy.record._Z5twicei = extern_weak
