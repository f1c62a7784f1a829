// A cached function called after main returns, from an atexit handler and from a
// static object's destructor, returns the right value and stores its entry: the
// runtime's state outlives every call the program can make. The second run hits
// those entries too, and counts those hits.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck %s --check-prefix=FIRST
// RUN: %t/prog | FileCheck %s --check-prefix=SECOND --implicit-check-not=executing
// RUN: %cachepy_cli ls cache | FileCheck %s --check-prefix=LS

#include <cachepy/cachepy.hpp>
#include <cstdio>
#include <cstdlib>

[[cachepy::cache_file("cache")]]
int square(int x) { std::printf("executing square(%d)\n", x); return x * x; }

// Nested: the call graph's state is used at exit too.
[[cachepy::cache_file("cache")]]
int plus_one(int x) { std::printf("executing plus_one(%d)\n", x); return square(x) + 1; }

struct calls_when_destroyed {
  ~calls_when_destroyed() { std::printf("destructor: %d\n", plus_one(5)); }
};
// Constructed before main, so destroyed after everything main's calls created.
calls_when_destroyed late;

void at_exit() { std::printf("atexit: %d\n", plus_one(4)); }

int main() {
  std::atexit(at_exit);
  std::printf("main: %d\n", plus_one(3));
}
// FIRST: executing plus_one(3)
// FIRST-NEXT: executing square(3)
// FIRST-NEXT: main: 10
// FIRST-NEXT: executing plus_one(4)
// FIRST-NEXT: executing square(4)
// FIRST-NEXT: atexit: 17
// FIRST-NEXT: executing plus_one(5)
// FIRST-NEXT: executing square(5)
// FIRST-NEXT: destructor: 26

// SECOND: main: 10
// SECOND-NEXT: atexit: 17
// SECOND-NEXT: destructor: 26

// LS-DAG: plus_one-{{[0-9a-f]+}} 3 {{.*}} 3{{$}}
// LS-DAG: square-{{[0-9a-f]+}} 3 {{.*}} 0{{$}}
