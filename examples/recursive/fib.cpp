// Recursive memoization: every recursive call goes through the cache, so fib(90)
// runs its body 91 times on the first run and never on the next.
#include <cachepy/cachepy.hpp>

#include <cstdint>
#include <cstdio>

int executions = 0;

[[cachepy::cache_file("fib_cache")]]
std::uint64_t fib(int n) {
  ++executions;
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main() {
  std::printf("fib(90) = %llu, body executed %d times\n",
              static_cast<unsigned long long>(fib(90)), executions);
}
