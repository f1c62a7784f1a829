// In a function template, each instantiation's types are judged as a plain function's
// are: one error at the template's parameter or result, no error inside the runtime
// or the rewritten text, and no cereal error after it.
//
// RUN: not %clangxx %cachepy -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=cachepy/detail --implicit-check-not=cereal

#include <cachepy/cachepy.hpp>
#include <mutex>
#include <vector>

struct Guarded {
  std::vector<double> values;
  std::mutex lock;
};

// CHECK: diag-unserializable.cpp:[[#@LINE+3]]:14: error: 'Guarded::lock' (a 'std::mutex') cannot be stored: a mutex holds no value
template <class T>
[[cachepy::cache_file("d")]]
double total(const T &items) { return 0; }

// CHECK: diag-unserializable.cpp:[[#@LINE+3]]:1: error: the result of 'find' (a 'int *') cannot be stored: a raw pointer's address
template <class T>
[[cachepy::cache_file("d")]]
T *find(int x) { static T cells[4]; return &cells[x]; }

double use() { return total(Guarded{}) + total(3) + *find<int>(1); }
