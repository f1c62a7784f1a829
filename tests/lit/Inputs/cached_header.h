#ifndef CACHED_HEADER_H
#define CACHED_HEADER_H
#include <cachepy/cachepy.hpp>
#include <cstdio>

inline int header_triple(int x) {
  return x * 3;
}

[[cachepy::cache_file("cache")]]
inline int header_cached(int x) {
  std::printf("executing header_cached\n");
  return header_triple(x) + 1;
}
#endif
