// Eigen's dense Matrix and Array (dynamic and fixed sizes, column- and row-major) as
// arguments and results, in each format: the runtime recognizes them by their members,
// without depending on Eigen. The second run of each format hits every call with
// equal values.
//
// RUN: rm -rf %t && split-file %s %t && cd %t
// RUN: %clangxx %cachepy -isystem /usr/include/eigen3 main.cpp %cachepy_link -o prog
// RUN: sh %S/Inputs/run-twice.sh binary && sh %S/Inputs/run-twice.sh portable_binary && sh %S/Inputs/run-twice.sh json
// RUN: FileCheck --input-file=binary/second.txt %s
// RUN: FileCheck --input-file=json/second.txt %s
// The JSON entries give each matrix's shape, then its coefficients in storage order.
// RUN: cat json/cache/scaled-*/*.cpy | FileCheck --check-prefix=JSON %s

// CHECK: scaled: 2x3 0 1 2 3 4 5 -> 0 2 4 6 8 10
// CHECK: rotation: 0 -1 0 1 0 0 0 0 1 trace=1
// CHECK: squares: 2x2 row-major 1 4 9 16
// JSON: "rows": 2,
// JSON-NEXT: "cols": 3,
// JSON-NEXT: "data": [
// JSON-NEXT: 0.0,
// JSON-NEXT: 6.0,

//--- main.cpp
#include <Eigen/Dense>
#include <cstdio>

using RowArray = Eigen::Array<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

[[cachepy::cache_file("cache")]]
Eigen::MatrixXd scaled(const Eigen::MatrixXd &m, double k) {
  return m * k;
}

[[cachepy::cache_file("cache")]]
Eigen::Matrix3f rotation(int quarter_turns) {
  Eigen::Matrix3f r = Eigen::Matrix3f::Identity();
  for (int i = 0; i < quarter_turns; ++i) {
    Eigen::Matrix3f q;
    q << 0, -1, 0, 1, 0, 0, 0, 0, 1;
    r = q * r;
  }
  return r;
}

[[cachepy::cache_file("cache")]]
float trace(const Eigen::Matrix3f &m) {
  return m.trace();
}

[[cachepy::cache_file("cache")]]
RowArray squares(const RowArray &a) {
  return a * a;
}

template <class M> void print(const M &m) {
  for (int i = 0; i < m.rows(); ++i)
    for (int j = 0; j < m.cols(); ++j)
      std::printf(" %g", static_cast<double>(m(i, j)));
}

int main() {
  Eigen::MatrixXd m(2, 3);
  m << 0, 1, 2, 3, 4, 5;
  const Eigen::MatrixXd twice = scaled(m, 2);
  std::printf("scaled: %dx%d", static_cast<int>(m.rows()), static_cast<int>(m.cols()));
  print(m);
  std::printf(" ->");
  print(twice);
  std::printf("\n");

  const Eigen::Matrix3f r = rotation(1);
  const float t = trace(r);
  std::printf("rotation:");
  print(r);
  std::printf(" trace=%g\n", t);

  RowArray a(2, 2);
  a << 1, 2, 3, 4;
  const RowArray s = squares(a);
  std::printf("squares: %dx%d %s", static_cast<int>(s.rows()), static_cast<int>(s.cols()),
              RowArray::IsRowMajor ? "row-major" : "column-major");
  print(s);
  std::printf("\n");
}
