// Without the plugin the attribute is unknown to the compiler, and the header keeps it
// quiet: the program compiles warning-free even under -Werror -Wpedantic, with no flag
// of the user's, and runs uncached. (GCC: without-plugin-gcc.test.)
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx -std=c++17 -Wall -Wextra -Wpedantic -Werror -I%cachepy_include %s -o %t/prog
// RUN: %t/prog | FileCheck %s
// RUN: %t/prog | FileCheck %s
// RUN: not ls %t/cache
//
// With the plugin the attribute is registered and the header silences nothing: an
// unknown attribute of the user's is still reported.
// RUN: %clangxx %cachepy -Wall -Wextra -Wpedantic -DTYPO -fsyntax-only %s 2>&1 | FileCheck --check-prefix=TYPO %s
// TYPO: warning: unknown attribute 'nodiscrad' ignored

#include <cachepy/cachepy.hpp>

#include <cstdio>
#include <string>
#include <vector>

[[cachepy::cache_file("cache", version="1")]]
int answer(int x) { std::printf("executing answer\n"); return x + 40; }

[[cachepy::cache_file("cache", ignore=["verbose"], format="json")]]
std::vector<int> squares(int n, bool verbose) {
  std::printf("executing squares\n");
  std::vector<int> out;
  for (int i = 0; i < n; ++i)
    out.push_back(verbose ? i * i : i * i);
  return out;
}

const int scale = 3;
[[cachepy::cache_file("cache", depends_on_vars={"scale": scale}, env_vars=["HOME"])]]
std::string label(const std::string &name) {
  std::printf("executing label\n");
  return name + std::to_string(scale);
}

template <class T>
[[cachepy::cache_file("cache")]]
T twice(T x) { std::printf("executing twice\n"); return x + x; }

#ifdef TYPO
[[nodiscrad]] int typo();
#endif

int main() {
  std::printf("%d\n", answer(2));
  std::printf("%zu\n", squares(4, false).size());
  std::printf("%s\n", label("x").c_str());
  std::printf("%g\n", twice(1.5));
}
// CHECK: executing answer
// CHECK-NEXT: 42
// CHECK-NEXT: executing squares
// CHECK-NEXT: 4
// CHECK-NEXT: executing label
// CHECK-NEXT: x3
// CHECK-NEXT: executing twice
// CHECK-NEXT: 3
