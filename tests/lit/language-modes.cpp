// Arithmetic types outside the standard list cache like any other: __int128 in GNU
// mode, char8_t strings in C++20 (the runtime library itself is compiled as C++17).
// (__int128 is arithmetic only in the GNU modes.)
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy -std=gnu++17 %s %cachepy_link -o gnu
// RUN: ./gnu | FileCheck --check-prefix=FIRST %s
// RUN: ./gnu | FileCheck --check-prefix=SECOND %s
// RUN: rm -rf cache
// RUN: %clangxx %cachepy -std=gnu++20 %s %cachepy_link -o cpp20
// RUN: ./cpp20 | FileCheck --check-prefixes=FIRST,FIRST20 %s
// RUN: ./cpp20 | FileCheck --check-prefixes=SECOND,SECOND20 %s
// The same in JSON, where such values are written as base64 text:
// RUN: rm -rf cache && echo "backend: json" > json.yml
// RUN: env CACHEPY_CONFIG=json.yml ./cpp20 | FileCheck --check-prefixes=FIRST,FIRST20 %s
// RUN: env CACHEPY_CONFIG=json.yml ./cpp20 2>&1 | FileCheck --check-prefixes=SECOND,SECOND20 %s

// FIRST: executing square
// FIRST-NEXT: 10000000000000000000000000000000000000
// SECOND-NOT: {{executing|unreadable}}
// SECOND: 10000000000000000000000000000000000000
// FIRST20: executing greet
// FIRST20-NEXT: hello, world (12 code units)
// SECOND20: hello, world (12 code units)

#include <cachepy/cachepy.hpp>
#include <cstdio>
#include <string>

[[cachepy::cache_file("cache")]]
unsigned __int128 square(unsigned __int128 x) {
  std::printf("executing square\n");
  return x * x;
}

std::string decimal(unsigned __int128 value) {
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(value % 10)));
    value /= 10;
  } while (value != 0);
  return digits;
}

#if __cplusplus > 201703L
[[cachepy::cache_file("cache")]]
std::u8string greet(std::u8string name) {
  std::printf("executing greet\n");
  return u8"hello, " + name;
}
#endif

int main() {
  unsigned __int128 base = 1;
  for (int i = 0; i < 19; ++i)
    base *= 10;
  std::printf("%s\n", decimal(square(base)).c_str());
#if __cplusplus > 201703L
  const std::u8string greeting = greet(u8"world");
  std::printf("%s (%zu code units)\n", reinterpret_cast<const char *>(greeting.c_str()),
              greeting.size());
#endif
}
