// The Redis remote against a hostile server on 127.0.0.1 that drips its reply, announces
// a huge one, or answers with an absurd array: every call gives up within its operation
// timeout, holding no more than the reply's bound, with one warning.

#include "said_remote.hpp"
#include "test_servers.hpp"

#include "storage/remote/redis_client.hpp"
#include "storage/remote/signed_remote.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <sys/socket.h>
#include <thread>

namespace cachepy::detail {
namespace {

using cachepy::testing::capture_warnings;
using cachepy::testing::count;
using namespace std::chrono_literals;

// short_key: a last SCAN page with a key outside the prefix it was asked for.
enum class hostility { slow_drip, huge_reply, huge_array, short_key };

// Answers every request the hostile way, streamed (never held in memory), until
// stopped or 256 MiB have gone out (an unbounded client holds all it is sent); counts
// the bytes it got out.
class hostile_redis {
public:
  explicit hostile_redis(hostility how)
      : how_(how), fd_(cachepy::testing::bind_loopback(port_)) {
    ::listen(fd_, 8);
    thread_ = std::thread([this] { serve(); });
  }
  ~hostile_redis() { stop(); }
  hostile_redis(const hostile_redis &) = delete;
  hostile_redis &operator=(const hostile_redis &) = delete;

  // Once stopped, sent() is final, and a client still reading gets its end of file.
  void stop() {
    if (!thread_.joinable())
      return;
    stopping_ = true;
    ::shutdown(fd_, SHUT_RDWR); // wakes accept()
    thread_.join();
    ::close(fd_);
  }
  std::string url() const {
    return "redis://127.0.0.1:" + std::to_string(port_) + "|operation-timeout=500";
  }
  std::uint64_t sent() const { return sent_; }

private:
  void serve() {
    for (int client; (client = ::accept(fd_, nullptr, nullptr)) >= 0; ::close(client)) {
      const timeval limit{0, 100000}; // so that a blocked send sees stop() soon
      ::setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
      char request[4096];
      ::recv(client, request, sizeof request, 0);
      answer(client);
    }
  }

  void answer(int client) {
    std::string head = "$1000000\r\n", body = "x";
    if (how_ == hostility::huge_reply) {
      head = "$3000000000\r\n";
      body.assign(65536, '\0');
    } else if (how_ == hostility::huge_array) {
      head.clear();
      body.clear();
      for (int i = 0; i < 5000; ++i)
        body += "*2000000000\r\n";
    } else if (how_ == hostility::short_key) {
      head = "*2\r\n$1\r\n0\r\n*1\r\n$1\r\nx\r\n";
      body.clear();
    }
    if (!send_all(client, head))
      return;
    while (!body.empty() && !stopping_ && sent_ < (std::uint64_t(256) << 20)) {
      if (!send_all(client, body))
        return;
      if (how_ == hostility::slow_drip) // faster than the client's timeout for one read
        std::this_thread::sleep_for(100ms);
    }
    while (!stopping_) // holds the connection open, as a stalled server
      std::this_thread::sleep_for(10ms);
  }

  bool send_all(int client, std::string_view bytes) {
    while (!bytes.empty() && !stopping_) {
      const ssize_t n = ::send(client, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n < 0 && errno != EAGAIN && errno != EINTR)
        return false;
      if (n > 0) {
        sent_ += static_cast<std::uint64_t>(n);
        bytes.remove_prefix(static_cast<std::size_t>(n));
      }
    }
    return true;
  }

  hostility how_;
  int port_ = 0;
  int fd_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::uint64_t> sent_{0};
  std::thread thread_;
};

// Whether `call` ended within the operation timeout (500 ms) and a second; the server is
// stopped either way, so that a client that would not give up does, and the test ends.
template <class Call> bool ends_in_time(hostile_redis &server, Call call) {
  std::future<void> running = std::async(std::launch::async, call);
  const bool ended = running.wait_for(1500ms) == std::future_status::ready;
  server.stop();
  running.get();
  return ended;
}

const char *problem_of(hostility how) {
  switch (how) {
  case hostility::slow_drip:
    return "no complete reply within the operation timeout";
  case hostility::huge_reply:
    return "a reply larger than";
  case hostility::huge_array:
    return "an array of 2000000000 elements";
  case hostility::short_key:
    break;
  }
  return "";
}

const entry_id id{"f-1234abcd", key{0x1234, 0x5678}, value_format::binary};
constexpr std::uint64_t bound = std::uint64_t(64) << 20;

std::unique_ptr<cachepy::testing::said_remote> remote(const hostile_redis &server) {
  return cachepy::testing::said_remote_of(server.url());
}

class HostileRedis : public ::testing::TestWithParam<hostility> {};

TEST_P(HostileRedis, ALoadGivesUpInTimeHoldingLittleWithOneWarning) {
  hostile_redis server(GetParam());
  const auto backend = remote(server);
  std::string warnings;
  EXPECT_TRUE(ends_in_time(server, [&] {
    warnings = capture_warnings([&] {
      EXPECT_FALSE(backend->load(id));
      EXPECT_FALSE(backend->load(id)); // the remote is left alone meanwhile
    });
  }));
  EXPECT_LT(server.sent(), bound);
  EXPECT_EQ(count(warnings, "warning:"), 1u) << warnings;
  EXPECT_NE(warnings.find(problem_of(GetParam())), std::string::npos) << warnings;
}

TEST_P(HostileRedis, ALockGivesUpInTimeHoldingLittleWithOneWarning) {
  hostile_redis server(GetParam());
  const auto backend = remote(server);
  std::string warnings;
  EXPECT_TRUE(ends_in_time(server, [&] {
    warnings = capture_warnings([&] { EXPECT_EQ(backend->lock(id, 10s), nullptr); });
  }));
  EXPECT_LT(server.sent(), bound);
  EXPECT_EQ(count(warnings, "warning:"), 1u) << warnings;
}

// What `cachepy stats --remote` asks.
TEST_P(HostileRedis, UsageGivesUpInTimeHoldingLittle) {
  hostile_redis server(GetParam());
  redis_client storage(*parse_remote_url(server.url()).value);
  std::string problem;
  EXPECT_TRUE(ends_in_time(server, [&] {
    const storage_outcome<remote_usage> usage = storage.usage();
    ASSERT_TRUE(usage.failure);
    problem = usage.failure->detail;
  }));
  EXPECT_LT(server.sent(), bound);
  // A SCAN page may take 16 MiB: a slow build (a sanitizer's) can meet the deadline
  // before that bound, which is giving up in time too.
  const bool in_time = problem.find(problem_of(hostility::slow_drip)) != std::string::npos;
  EXPECT_TRUE(problem.find(problem_of(GetParam())) != std::string::npos ||
              (GetParam() == hostility::huge_reply && in_time))
      << problem;
}

// The keys a SCAN gives are the server's choice: one outside the prefix is left alone.
TEST(HostileRedisScan, KeysOutsideThePrefixAreSkipped) {
  hostile_redis server(hostility::short_key);
  redis_client storage(*parse_remote_url(server.url()).value);
  const storage_outcome<remote_usage> usage = storage.usage();
  EXPECT_FALSE(usage.failure) << usage.failure->detail;
  EXPECT_EQ(usage.value.entries, 0u);
}

INSTANTIATE_TEST_SUITE_P(Servers, HostileRedis,
                         ::testing::Values(hostility::slow_drip, hostility::huge_reply,
                                           hostility::huge_array));

} // namespace
} // namespace cachepy::detail
