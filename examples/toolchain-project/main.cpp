#include <cstdio>

[[cachepy::cache_file("toolchain_cache")]]
long triangle(long n) {
  std::printf("executing triangle(%ld)\n", n);
  return n * (n + 1) / 2;
}

int main() { std::printf("triangle %ld\n", triangle(1000)); }
