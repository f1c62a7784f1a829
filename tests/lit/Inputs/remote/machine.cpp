// One "machine" of a team sharing a remote cache: its own local cache directory
// ($CACHEPY_CACHE_DIR), the remotes of $CACHEPY_REMOTE_STORAGE. The cached body appends
// a line to $EXECUTIONS (shared by all machines), creates $STARTED, sleeps SLEEP_MS and
// returns VALUE_BYTES bytes; main prints the value's size and a checksum.
#include <cachepy/cachepy.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <thread>
#include <unistd.h>

static long env_number(const char *name) {
  const char *value = std::getenv(name);
  return value ? std::atol(value) : 0;
}

[[cachepy::cache_file()]]
std::string value_of(long bytes) {
  const int log = ::open(std::getenv("EXECUTIONS"), O_WRONLY | O_CREAT | O_APPEND, 0644);
  [[maybe_unused]] ssize_t written = ::write(log, "executed\n", 9);
  ::close(log);
  if (const char *started = std::getenv("STARTED"))
    ::close(::open(started, O_WRONLY | O_CREAT, 0644));
  std::this_thread::sleep_for(std::chrono::milliseconds(env_number("SLEEP_MS")));
  std::string value(static_cast<std::size_t>(bytes), '\0');
  for (long i = 0; i < bytes; ++i)
    value[i] = static_cast<char>(i * 31 + i / 4093);
  return value;
}

int main() {
  const std::string value = value_of(env_number("VALUE_BYTES"));
  unsigned long sum = 0;
  for (unsigned char c : value)
    sum = sum * 131 + c;
  std::printf("value %zu %lu\n", value.size(), sum);
}
