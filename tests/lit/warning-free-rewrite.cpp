// The rewrite adds no warning to a warning-strict build: the file compiles with
// -Werror under the flags below with the plugin as it does without (where only the
// unknown attribute itself is excused), and the cached functions still hit.
//
// DEFINE: %{strict} = -Werror -Wall -Wextra -Wpedantic -Wshadow -Wconversion \
// DEFINE:   -Wreserved-identifier -Wexit-time-destructors -Wglobal-constructors
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx -std=c++17 -I%cachepy_include %{strict} -Wno-unknown-attributes -fsyntax-only %s
// RUN: %clangxx %cachepy %{strict} %s %cachepy_link -o prog
// RUN: ./prog | FileCheck --check-prefix=FIRST %s
// RUN: ./prog | FileCheck --check-prefix=SECOND %s

#include <cachepy/cachepy.hpp>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {
int executions = 0;
}

[[cachepy::cache_file("cache")]]
long square(long x) {
  ++executions;
  return x * x;
}

[[cachepy::cache_file("cache", version="2", format="json")]]
static double halve(double x) {
  ++executions;
  return x / 2;
}

template <class T>
[[cachepy::cache_file("cache")]]
T twice(T x) {
  ++executions;
  return x + x;
}

[[cachepy::cache_file("cache")]]
auto fib(int n) {
  ++executions;
  if (n < 2)
    return static_cast<long>(n);
  return fib(n - 1) + fib(n - 2);
}

[[cachepy::cache_file("cache", ignore=["log"])]]
std::string repeat(const std::string &word, int times = 2, bool log = false) {
  ++executions;
  std::string out;
  for (int i = 0; i < times; ++i)
    out += word;
  if (log)
    std::printf("repeat %s\n", out.c_str());
  return out;
}

[[cachepy::cache_file("cache", file_args=["path"], env_vars=["HOME"])]]
std::size_t file_size(const std::string &path) {
  ++executions;
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {}).size();
}

[[cachepy::cache_file("cache", depends_on_vars={"schema": "v3"}, depends_on_files=["data.txt"])]]
std::vector<int> range(int n) {
  ++executions;
  std::vector<int> out;
  for (int i = 0; i < n; ++i)
    out.push_back(i);
  return out;
}

struct Box {
  [[cachepy::cache_file("cache")]]
  static double volume(double w) {
    ++executions;
    return w * w * w;
  }
};

int main() {
  std::ofstream("data.txt") << "hello";
  std::printf("%ld %g %d %ld %s %zu %zu %g\n", square(3), halve(3), twice(4), fib(10),
              repeat("ab").c_str(), file_size("data.txt"), range(3).size(), Box::volume(2));
  std::printf("executions %d\n", executions);
}
// FIRST: 9 1.5 8 55 abab 5 3 8
// FIRST-NEXT: executions 18
// SECOND: 9 1.5 8 55 abab 5 3 8
// SECOND-NEXT: executions 0
