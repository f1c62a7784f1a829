// Ordinary C++ around a cached function: deduced and trailing return types,
// recursion through a deduced return type, const char* parameters, default
// arguments, parameter packs, lambdas in the body, static member functions, nested
// typedef returns, the attribute in an object-like macro, and ?: in arguments.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy -Wall -Wextra %s %cachepy_link -o %t/prog
// RUN: %t/prog > first.txt
// RUN: %t/prog > second.txt
// RUN: FileCheck --check-prefix=FIRST --input-file=first.txt %s
// RUN: FileCheck --check-prefix=SECOND --input-file=second.txt %s

#include <cachepy/cachepy.hpp>
#include <cstdio>
#include <numeric>
#include <string>
#include <vector>

int executions = 0;
bool scratch = false;
int level = 2;
#define CACHED [[cachepy::cache_file("cache")]]

[[cachepy::cache_file("cache")]]
auto fib(int n) { ++executions; if (n < 2) return static_cast<long>(n); return fib(n - 1) + fib(n - 2); }

[[cachepy::cache_file("cache")]]
auto halve(double x) -> double { ++executions; return x / 2; }

[[cachepy::cache_file("cache")]]
std::string shout(const char *word, int times = 2) { ++executions; std::string s; for (int i = 0; i < times; ++i) s += word; return s; }

template <class... Ts>
[[cachepy::cache_file("cache")]]
int total(const Ts &...values) { ++executions; return (0 + ... + values); }

[[cachepy::cache_file("cache")]]
int with_lambda(const std::vector<int> &v) {
  ++executions;
  auto square = [](int x) { return x * x; };
  return std::accumulate(v.begin(), v.end(), 0, [&](int acc, int x) { return acc + square(x); });
}

struct Model {
  using Weights = std::vector<double>;
  [[cachepy::cache_file("cache")]]
  static Weights fit(int n) { ++executions; return Weights(n, 0.5); }
};

CACHED int from_macro(int x) { ++executions; return x + 1; }

[[cachepy::cache_file(scratch ? "/tmp/scratch-cache" : "cache", depends_on_vars={"level": level > 1 ? 1 : 0})]]
int conditional(int x) { ++executions; return x * 3; }

int main() {
  std::printf("%ld %g %s %d %d %zu %d %d\n", fib(40), halve(3), shout("ab").c_str(),
              total(1, 2, 3), with_lambda({1, 2, 3}), Model::fit(3).size(), from_macro(1),
              conditional(2));
  std::printf("executions %d\n", executions);
}
// FIRST: 102334155 1.5 abab 6 14 3 2 6
// FIRST-NEXT: executions 48
// SECOND: 102334155 1.5 abab 6 14 3 2 6
// SECOND-NEXT: executions 0
