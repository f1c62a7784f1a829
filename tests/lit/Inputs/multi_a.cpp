#include <cachepy/cachepy.hpp>
#include <cstdio>
int from_b(int);
[[cachepy::cache_file("cache")]]
int from_a(int x) { std::printf("executing from_a\n"); return x + 1; }
int main() { std::printf("%d %d\n", from_a(1), from_b(1)); }
