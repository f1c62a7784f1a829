// std::filesystem::path is an argument and a result like any other: it enters the key
// and is stored as its generic string, so "data/a.txt" and "data/b.txt" are two
// entries, and a path result comes back equal. (A file_args parameter hashes the file's
// content instead: file-args.cpp.)
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck --check-prefix=FIRST %s
// RUN: %t/prog | FileCheck --check-prefix=SECOND %s

#include <cachepy/cachepy.hpp>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

[[cachepy::cache_file("cache")]]
fs::path output_for(const fs::path &input) {
  std::printf("executing output_for %s\n", input.c_str());
  return fs::path("out") / input.filename().replace_extension(".csv");
}

[[cachepy::cache_file("cache", format="json")]]
std::vector<fs::path> siblings(const fs::path &dir, int n) {
  std::printf("executing siblings\n");
  std::vector<fs::path> out;
  for (int i = 0; i < n; ++i)
    out.push_back(dir / ("part" + std::to_string(i)));
  return out;
}

int main() {
  std::printf("%s\n", output_for("data/a.txt").c_str());
  std::printf("%s\n", output_for("data/b.txt").c_str());
  std::printf("%s\n", output_for(fs::path("data") / "a.txt").c_str());
  const std::vector<fs::path> parts = siblings("runs", 2);
  std::printf("%s %d\n", parts.back().c_str(), parts.back() == fs::path("runs/part1"));
}
// FIRST: executing output_for data/a.txt
// FIRST-NEXT: out/a.csv
// FIRST-NEXT: executing output_for data/b.txt
// FIRST-NEXT: out/b.csv
// FIRST-NEXT: out/a.csv
// FIRST-NEXT: executing siblings
// FIRST-NEXT: runs/part1 1
// SECOND-NOT: executing
// SECOND: out/a.csv
// SECOND-NEXT: out/b.csv
// SECOND-NEXT: out/a.csv
// SECOND-NEXT: runs/part1 1
