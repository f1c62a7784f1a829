// depends_on_vars: named values outside the signature, literals or C++ expressions
// evaluated at each call; a global that changes at run time changes the key.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck --check-prefix=FIRST %s
// RUN: %t/prog | FileCheck --check-prefix=SECOND %s

#include <cachepy/cachepy.hpp>
#include <cstdio>
#include <string>
#include <vector>

int threshold = 10;
std::vector<std::string> columns{"a", "b"};

[[cachepy::cache_file("cache", depends_on_vars={"schema": "v3", "threshold": threshold, "columns": columns})]]
int select(int n) { std::printf("executing select\n"); return n > threshold ? n : 0; }

int main() {
  std::printf("%d\n", select(12));
  std::printf("%d\n", select(12));
  threshold = 20;
  std::printf("%d\n", select(12));
  columns.push_back("c");
  std::printf("%d\n", select(12));
}
// FIRST: executing select
// FIRST-NEXT: 12
// FIRST-NEXT: 12
// FIRST-NEXT: executing select
// FIRST-NEXT: 0
// FIRST-NEXT: executing select
// FIRST-NEXT: 0
// SECOND-NOT: executing
