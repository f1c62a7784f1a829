#include <cachepy/cachepy.hpp>

#include <cstdio>
#include <string>

[[cachepy::cache_file("consumer_cache")]]
std::string greet(const std::string &name) {
  std::printf("executing greet(%s)\n", name.c_str());
  return "hello, " + name;
}

int main() { std::printf("%s\n", greet("cmake").c_str()); }
