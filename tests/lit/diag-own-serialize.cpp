// A class's own serialize that does not compile for cachepy's archives is reported at
// the user's serialize, where the instantiation the rewritten call started first
// reaches the user's code, with a note where the library stated it; no line shows the
// runtime's headers (not even as "In file included from") or the call the rewrite
// put in place of the body, text the user never wrote.
//
// RUN: not %clangxx %cachepy -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=cachepy/detail --implicit-check-not=cachepy_site --implicit-check-not=rewritten.hpp
// RUN: not %clangxx %cachepy -fplugin-arg-cachepy-no-pch -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=cachepy/detail --implicit-check-not=cachepy_site --implicit-check-not=rewritten.hpp

#include <mutex>
#include <vector>

struct Model {
  std::vector<double> weights;
  std::mutex lock;
  // CHECK: diag-own-serialize.cpp:[[#@LINE+3]]:58: error: static assertion failed {{.*}}std::mutex
  // CHECK: cereal.hpp:{{[0-9]+}}:{{[0-9]+}}: note: required here by the library, while cachepy instantiates your code
  // CHECK: diag-own-serialize.cpp:[[#@LINE+1]]:58: note: in instantiation of
  template <class Archive> void serialize(Archive &ar) { ar(weights, lock); }
};

[[cachepy::cache_file("cache")]]
double fit(const Model &m) { return m.weights.size(); }

int main() { return 0; }
