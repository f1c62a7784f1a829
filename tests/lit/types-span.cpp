// Views as arguments (C++20): a std::span<const double> keys as the vector of the
// same elements would, and a std::string_view as the string of the same characters.
// The second run hits every call with equal values.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy -std=c++20 %s %cachepy_link -o %t/prog
// RUN: %t/prog > first.txt
// RUN: %t/prog > second.txt
// RUN: FileCheck --check-prefix=FIRST --input-file=first.txt %s
// RUN: FileCheck --check-prefix=SECOND --input-file=second.txt %s
// RUN: grep -v executing first.txt > first-values.txt
// RUN: diff first-values.txt second.txt

#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

[[cachepy::cache_file("cache")]]
double total(std::span<const double> values) {
  std::printf("executing total\n");
  double sum = 0;
  for (double value : values)
    sum += value;
  return sum;
}

[[cachepy::cache_file("cache")]]
int vowels(std::string_view text) {
  std::printf("executing vowels\n");
  int count = 0;
  for (char c : text)
    count += std::string_view("aeiou").find(c) != std::string_view::npos;
  return count;
}

int main() {
  const std::vector<double> values{1, 2, 3.5};
  std::printf("total: %g\n", total(values));
  // Another span of other elements is another key.
  std::printf("total of two: %g\n", total(std::span<const double>(values).first(2)));
  const std::string text = "cachepy for arrays";
  std::printf("vowels: %d\n", vowels(text));
  std::printf("vowels of part: %d\n", vowels(std::string_view(text).substr(0, 7)));
}

// FIRST: executing total
// FIRST: total: 6.5
// FIRST: executing total
// FIRST: total of two: 3
// FIRST: executing vowels
// FIRST: vowels: 5
// FIRST: executing vowels
// FIRST: vowels of part: 2
// SECOND-NOT: executing
// SECOND: total: 6.5
// SECOND: total of two: 3
// SECOND: vowels: 5
// SECOND: vowels of part: 2
