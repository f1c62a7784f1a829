// The cache directory: a string literal, or a C++ expression evaluated at each call
// (std::string, std::filesystem::path, ...); without one, $CACHEPY_CACHE_DIR, else
// .cachepy in the working directory. Directories are created on demand.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog run-a | FileCheck --check-prefix=FIRST %s
// RUN: %t/prog run-a | FileCheck --check-prefix=SECOND %s
// RUN: ls literal/deep/nested/literal_dir-*/*.cpy run-a/models/expression_dir-*/*.cpy
// RUN: ls path-dir/path_dir-*/*.cpy .cachepy/default_dir-*/*.cpy
// RUN: %t/prog run-b | FileCheck --check-prefix=FIRST %s
// RUN: ls run-b/models/expression_dir-*/*.cpy
// RUN: rm -rf .cachepy && env CACHEPY_CACHE_DIR=from-env %t/prog run-a | FileCheck --check-prefix=DEFAULT-ONLY %s
// RUN: ls from-env/default_dir-*/*.cpy
// RUN: not ls .cachepy

#include <cachepy/cachepy.hpp>
#include <cstdio>
#include <filesystem>
#include <string>

std::string run_name;
std::string cache_root() { return run_name + "/models"; }

[[cachepy::cache_file("literal/deep/nested")]]
int literal_dir(int x) { std::printf("executing literal_dir\n"); return x; }

[[cachepy::cache_file(cache_root())]]
int expression_dir(int x) { std::printf("executing expression_dir\n"); return x; }

[[cachepy::cache_file(std::filesystem::path("path-dir"))]]
int path_dir(int x) { std::printf("executing path_dir\n"); return x; }

[[cachepy::cache_file]]
int default_dir(int x) { std::printf("executing default_dir\n"); return x; }

int main(int, char **argv) {
  run_name = argv[1];
  std::printf("%d\n", literal_dir(1) + expression_dir(2) + path_dir(3) + default_dir(4));
}
// FIRST: executing expression_dir
// FIRST: 10
// SECOND-NOT: executing
// SECOND: 10
// DEFAULT-ONLY-NOT: executing literal_dir
// DEFAULT-ONLY: executing default_dir
// DEFAULT-ONLY-NOT: executing
