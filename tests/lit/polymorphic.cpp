// A result held through a base class pointer comes back as the derived type it was,
// for types registered with cereal (CEREAL_REGISTER_TYPE), as with cereal's own
// archives; so does a polymorphic argument, in the key.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck --check-prefix=FIRST %s
// RUN: %t/prog | FileCheck --check-prefix=SECOND %s

// FIRST: executing make_shape
// FIRST-NEXT: square 9
// FIRST-NEXT: executing describe
// FIRST-NEXT: side 3 of a square
// SECOND-NOT: executing
// SECOND: square 9
// SECOND-NEXT: side 3 of a square

#include <cachepy/cachepy.hpp>
#include <cereal/types/polymorphic.hpp>

#include <cstdio>
#include <memory>
#include <string>

struct Shape {
  virtual ~Shape() = default;
  virtual std::string name() const = 0;
  virtual double area() const = 0;
  template <class Archive> void serialize(Archive &) {}
};

struct Square : Shape {
  double side = 0;
  std::string name() const override { return "square"; }
  double area() const override { return side * side; }
  template <class Archive> void serialize(Archive &archive) {
    archive(cereal::base_class<Shape>(this), side);
  }
};
CEREAL_REGISTER_TYPE(Square)

[[cachepy::cache_file("cache")]]
std::unique_ptr<Shape> make_shape(double side) {
  std::printf("executing make_shape\n");
  auto square = std::make_unique<Square>();
  square->side = side;
  return square;
}

[[cachepy::cache_file("cache")]]
std::string describe(const std::shared_ptr<Shape> &shape) {
  std::printf("executing describe\n");
  return "side " + std::to_string(static_cast<int>(static_cast<Square &>(*shape).side)) +
         " of a " + shape->name();
}

int main() {
  const std::unique_ptr<Shape> shape = make_shape(3);
  std::printf("%s %g\n", shape->name().c_str(), shape->area());
  auto square = std::make_shared<Square>();
  square->side = 3;
  std::printf("%s\n", describe(square).c_str());
}
