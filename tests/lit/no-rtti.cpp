// A translation unit built with -fno-rtti caches its functions, the runtime precompiled
// or as text: cereal's code that needs typeid (versioned types, pointers to polymorphic
// bases) compiles, and is one error, naming the cause, only for the types that use it.
// (no-exceptions.test builds this program with -fno-exceptions.)
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy -fno-rtti -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch %s %cachepy_link -o %t/prog 2>&1 | FileCheck --check-prefix=BUILT %s
// RUN: %clangxx %cachepy -fno-rtti -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch -c %s -o %t/again.o 2>&1 | FileCheck --check-prefix=LOADED %s
// RUN: %clangxx %cachepy -fno-rtti -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-no-pch -fsyntax-only %s 2>&1 | FileCheck --check-prefix=TEXT %s
// RUN: %t/prog | FileCheck --check-prefix=FIRST %s
// RUN: %t/prog | FileCheck --check-prefix=SECOND %s
// BUILT: runtime precompiled into {{.*}}.pch
// LOADED: runtime loaded from {{.*}}.pch
// TEXT: runtime included as text
//
// RUN: not %clangxx %cachepy -fno-rtti -fplugin-arg-cachepy-pch-dir=%t/pch -DVERSIONED -fsyntax-only %s 2>&1 | FileCheck --check-prefix=NEEDS-RTTI %s
// RUN: not %clangxx %cachepy -fno-rtti -fplugin-arg-cachepy-pch-dir=%t/pch -DPOLYMORPHIC -fsyntax-only %s 2>&1 | FileCheck --check-prefix=NEEDS-RTTI %s
// NEEDS-RTTI: no-rtti.cpp:{{[0-9]+}}:{{[0-9]+}}: error: static assertion failed {{.*}}cachepy: this translation unit is built with -fno-rtti, and cereal needs RTTI (typeid) for versioned types and for pointers to polymorphic types

#include <cachepy/cachepy.hpp>

#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

struct Point {
  double x = 0, y = 0;
  template <class Archive> void serialize(Archive &ar) { ar(x, y); }
};

[[cachepy::cache_file("cache")]]
std::vector<double> scaled(const std::vector<double> &values, double factor) {
  std::printf("executing scaled\n");
  std::vector<double> out;
  for (double v : values)
    out.push_back(v * factor);
  return out;
}

[[cachepy::cache_file("cache", format="json")]]
std::map<std::string, Point> named(const std::shared_ptr<Point> &p, const std::string &name) {
  std::printf("executing named\n");
  return {{name, *p}};
}

#ifdef VERSIONED
struct Versioned {
  int v = 0;
  template <class Archive> void serialize(Archive &ar, std::uint32_t) { ar(v); }
};
[[cachepy::cache_file("cache")]]
int versioned(const Versioned &v) { return v.v; }
#endif

#ifdef POLYMORPHIC
struct Shape {
  virtual ~Shape() = default;
  template <class Archive> void serialize(Archive &) {}
};
[[cachepy::cache_file("cache")]]
int drawn(const std::shared_ptr<Shape> &shape) { return shape != nullptr; }
#endif

int main() {
  std::printf("%g\n", scaled({1, 2, 3}, 2.0).back());
  std::printf("%g\n", named(std::make_shared<Point>(Point{1, 2}), "p").at("p").y);
}
// FIRST: executing scaled
// FIRST-NEXT: 6
// FIRST-NEXT: executing named
// FIRST-NEXT: 2
// SECOND-NOT: executing
// SECOND: 6
// SECOND-NEXT: 2
