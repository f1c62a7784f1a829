// Contiguous data at memory speed: a vector and a std::array of a trivially copyable
// aggregate the plugin finds byte-copyable (hashed and stored as one block where the
// format writes bytes, member by member in JSON), and std::valarray, as arguments and
// results, in each format. The second run of each format hits every call with equal
// values.
//
// RUN: rm -rf %t && split-file %s %t && cd %t
// RUN: %clangxx %cachepy main.cpp %cachepy_link -o prog
// RUN: sh %S/Inputs/run-twice.sh binary && sh %S/Inputs/run-twice.sh portable_binary && sh %S/Inputs/run-twice.sh json
// RUN: FileCheck --input-file=binary/second.txt %s
// RUN: FileCheck --input-file=json/second.txt %s
// The binary entry of 1000 points holds their 24000 bytes.
// RUN: %python -c "import glob, os; print(max(map(os.path.getsize, \
// RUN:   glob.glob('binary/cache/shifted-*/*.cpy'))) > 24000)" | FileCheck --check-prefix=SIZE %s
// RUN: cat json/cache/shifted-*/*.cpy | FileCheck --check-prefix=JSON %s

// CHECK: shifted: 1000 points, [999] = 1000.5 499.5 -999
// CHECK: corners: 1 2 3 4 5 6
// CHECK: squares: 4 1 0 2.25
// SIZE: True
// JSON: "x": 1.5,
// JSON-NEXT: "y": 0.0,
// JSON-NEXT: "z": 0.0

//--- main.cpp
#include <array>
#include <cstdio>
#include <valarray>
#include <vector>

struct Point3 {
  double x, y, z;
};

[[cachepy::cache_file("cache")]]
std::vector<Point3> shifted(const std::vector<Point3> &points, double dx) {
  std::vector<Point3> out = points;
  for (Point3 &p : out)
    p.x += dx;
  return out;
}

[[cachepy::cache_file("cache")]]
std::array<Point3, 2> corners(const std::array<Point3, 2> &box) {
  return box;
}

[[cachepy::cache_file("cache")]]
std::valarray<double> squares(const std::valarray<double> &values) {
  return values * values;
}

int main() {
  std::vector<Point3> points(1000);
  for (int i = 0; i < 1000; ++i)
    points[i] = {static_cast<double>(i), i * 0.5, static_cast<double>(-i)};
  const std::vector<Point3> moved = shifted(points, 1.5);
  std::printf("shifted: %zu points, [999] = %g %g %g\n", moved.size(), moved[999].x,
              moved[999].y, moved[999].z);

  const std::array<Point3, 2> box = corners({{{1, 2, 3}, {4, 5, 6}}});
  std::printf("corners: %g %g %g %g %g %g\n", box[0].x, box[0].y, box[0].z, box[1].x,
              box[1].y, box[1].z);

  const std::valarray<double> s = squares({-2, 1, 0, 1.5});
  std::printf("squares: %g %g %g %g\n", s[0], s[1], s[2], s[3]);
}
