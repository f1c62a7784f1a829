// file_args: the named parameter is a path; the file's content (and the path) enter
// the key. Editing the file misses; restoring the old content hits the old entry.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: echo "one two three" > reads.txt
// RUN: %t/prog | FileCheck --check-prefix=MISS3 %s
// RUN: %t/prog | FileCheck --check-prefix=HIT3 %s
// RUN: echo "one two three four" > reads.txt
// RUN: %t/prog | FileCheck --check-prefix=MISS4 %s
// RUN: echo "one two three" > reads.txt
// RUN: %t/prog | FileCheck --check-prefix=HIT3 %s

#include <cachepy/cachepy.hpp>
#include <cstdio>
#include <fstream>
#include <string>

[[cachepy::cache_file("cache", file_args=["path"])]]
int count_words(const std::string &path) {
  std::printf("executing count_words\n");
  std::ifstream in(path);
  int words = 0;
  for (std::string word; in >> word;)
    ++words;
  return words;
}

int main() { std::printf("words %d\n", count_words("reads.txt")); }
// MISS3: executing count_words
// MISS3-NEXT: words 3
// HIT3-NOT: executing
// HIT3: words 3
// MISS4: executing count_words
// MISS4-NEXT: words 4
