#include <cachepy/cachepy.hpp>
#include <cstdio>
[[cachepy::cache_file("cache")]]
int from_b(int x) { std::printf("executing from_b\n"); return x + 2; }
