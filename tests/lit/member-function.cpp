// A const member function is cached with the object's state in its key, as if *this
// were a first argument, through the class's serialize: two objects with equal state
// share entries, another state misses, and a member the serialize skips stays out of
// the key. Out-of-line definitions, members of class templates and virtual overrides
// (the derived class's state) are cached too.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck --check-prefix=FIRST %s
// RUN: %t/prog | FileCheck --check-prefix=SECOND %s

#include <cachepy/cachepy.hpp>
#include <cstdio>

struct Model {
  double weight = 1;
  int calls_seen = 0; // not serialized: not part of the key

  template <class Archive> void serialize(Archive &ar) { ar(weight); }

  [[cachepy::cache_file("cache")]]
  double predict(double x) const {
    std::printf("executing predict %g %g\n", weight, x);
    return weight * x;
  }

  double score(double x) const;
};

[[cachepy::cache_file("cache")]]
double Model::score(double x) const {
  std::printf("executing score %g %g\n", weight, x);
  return weight + x;
}

template <class T> struct Scaled {
  T factor;
  template <class Archive> void serialize(Archive &ar) { ar(factor); }

  [[cachepy::cache_file("cache")]]
  T apply(T x) const {
    std::printf("executing apply\n");
    return factor * x;
  }
};

struct Shape {
  virtual ~Shape() = default;
  virtual double area() const = 0;
};

struct Square : Shape {
  double side = 0;
  template <class Archive> void serialize(Archive &ar) { ar(side); }

  [[cachepy::cache_file("cache")]]
  double area() const override {
    std::printf("executing area %g\n", side);
    return side * side;
  }
};

int main() {
  Model a{2, 0}, same{2, 5}, other{3, 0};
  std::printf("a %g\n", a.predict(10));
  std::printf("same %g\n", same.predict(10));
  std::printf("other %g\n", other.predict(10));
  std::printf("score %g\n", a.score(1));
  std::printf("apply %d\n", Scaled<int>{4}.apply(5));
  Square small, large;
  small.side = 2;
  large.side = 5;
  const Shape &shape = large;
  std::printf("area %g %g\n", static_cast<const Shape &>(small).area(), shape.area());
}
// FIRST: executing predict 2 10
// FIRST-NEXT: a 20
// FIRST-NEXT: same 20
// FIRST-NEXT: executing predict 3 10
// FIRST-NEXT: other 30
// FIRST-NEXT: executing score 2 1
// FIRST-NEXT: score 3
// FIRST-NEXT: executing apply
// FIRST-NEXT: apply 20
// FIRST: executing area
// FIRST: executing area
// FIRST: area 4 25

// SECOND-NOT: executing
// SECOND: a 20
// SECOND-NEXT: same 20
// SECOND-NEXT: other 30
// SECOND-NEXT: score 3
// SECOND-NEXT: apply 20
// SECOND-NEXT: area 4 25
