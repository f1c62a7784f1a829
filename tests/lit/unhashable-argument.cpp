// An argument or a depends_on_vars value whose serialization throws (here a pointer to
// a polymorphic type never registered with cereal) cannot enter a key: the call runs
// uncached, with one warning per function, and the program goes on. force() given such
// a call is spent on it, not passed on to the next cached call.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog 2> first-warnings.txt | FileCheck --check-prefix=FIRST %s
// RUN: FileCheck --check-prefix=WARNINGS --input-file=first-warnings.txt %s
// RUN: %t/prog 2>/dev/null | FileCheck --check-prefix=SECOND %s

// WARNINGS: cachepy: warning: cannot hash the arguments of describe (Trying to save an unregistered polymorphic type
// WARNINGS: ); running it uncached
// WARNINGS: cachepy: warning: cannot hash what painted depends on (Trying to save an unregistered polymorphic type
// WARNINGS: ); running it uncached
// WARNINGS-NOT: cannot hash
// FIRST: executing describe
// FIRST-NEXT: circle
// FIRST-NEXT: executing describe
// FIRST-NEXT: circle
// FIRST-NEXT: executing describe
// FIRST-NEXT: circle
// FIRST-NEXT: executing twice
// FIRST-NEXT: 42
// FIRST-NEXT: executing painted
// FIRST-NEXT: 2
// SECOND: executing describe
// SECOND-NOT: executing twice
// SECOND: 42
// SECOND: executing painted

#include <cachepy/cachepy.hpp>
#include <cereal/types/polymorphic.hpp>

#include <cstdio>
#include <memory>
#include <string>

struct Shape {
  virtual ~Shape() = default;
  virtual std::string name() const = 0;
  template <class Archive> void serialize(Archive &) {}
};
struct Circle : Shape { // not registered with CEREAL_REGISTER_TYPE
  std::string name() const override { return "circle"; }
  template <class Archive> void serialize(Archive &) {}
};

[[cachepy::cache_file("cache")]]
std::string describe(const std::shared_ptr<Shape> &shape) {
  std::printf("executing describe\n");
  return shape->name();
}

[[cachepy::cache_file("cache")]]
int twice(int x) {
  std::printf("executing twice\n");
  return 2 * x;
}

std::shared_ptr<Shape> palette = std::make_shared<Circle>();

[[cachepy::cache_file("cache", depends_on_vars={"palette": palette})]]
int painted(int x) {
  std::printf("executing painted\n");
  return x + 1;
}

int main() {
  const std::shared_ptr<Shape> circle = std::make_shared<Circle>();
  std::printf("%s\n", describe(circle).c_str());
  std::printf("%s\n", describe(circle).c_str());
  std::printf("%s\n", cachepy::force(describe, circle).c_str());
  std::printf("%d\n", twice(21));
  std::printf("%d\n", painted(1));
}
