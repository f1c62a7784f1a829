// One slow cached function, called from THREADS threads. Each execution of the body
// appends a line to executions.log, so the driver can count executions across all
// processes. SLEEP_MS sets how long the body takes; started.flag marks that it began.
#include <cachepy/cachepy.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <thread>
#include <unistd.h>
#include <vector>

[[cachepy::cache_file("cache")]]
long slow(int x) {
  const int log = ::open("executions.log", O_WRONLY | O_CREAT | O_APPEND, 0644);
  [[maybe_unused]] ssize_t written = ::write(log, "executed\n", 9);
  ::close(log);
  const int flag = ::open("started.flag", O_WRONLY | O_CREAT, 0644);
  ::close(flag);
  const char *sleep_ms = std::getenv("SLEEP_MS");
  std::this_thread::sleep_for(std::chrono::milliseconds(sleep_ms ? std::atoi(sleep_ms) : 0));
  return x * 2L;
}

int main() {
  const char *threads_env = std::getenv("THREADS");
  const int threads = threads_env ? std::atoi(threads_env) : 1;
  std::vector<std::thread> pool;
  std::vector<long> results(threads);
  for (int i = 0; i < threads; ++i)
    pool.emplace_back([&results, i] { results[i] = slow(21); });
  for (std::thread &t : pool)
    t.join();
  for (long r : results)
    std::printf("value %ld\n", r);
}
