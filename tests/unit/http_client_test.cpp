// The HTTP remote against a server that answers with far more than any entry: the
// reply is refused once past the bound, before it is read whole.

#include "said_remote.hpp"
#include "test_servers.hpp"

#include "storage/remote/signed_remote.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <thread>

namespace cachepy::detail {
namespace {

using cachepy::testing::capture_warnings;

// Answers every request with `size` zero bytes, streamed (never held in memory), with
// or without a Content-Length; counts the connections and the bytes it got out.
class flooding_server {
public:
  flooding_server(std::uint64_t size, bool announced)
      : size_(size), announced_(announced), fd_(cachepy::testing::bind_loopback(port_)) {
    ::listen(fd_, 8);
    thread_ = std::thread([this] { serve(); });
  }
  ~flooding_server() { stop(); }
  flooding_server(const flooding_server &) = delete;
  flooding_server &operator=(const flooding_server &) = delete;

  // Once stopped, sent() and connections() are final.
  void stop() {
    if (!thread_.joinable())
      return;
    ::shutdown(fd_, SHUT_RDWR); // wakes accept()
    thread_.join();
    ::close(fd_);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/c"; }
  std::uint64_t sent() const { return sent_; }
  int connections() const { return connections_; }

private:
  void serve() {
    for (int client; (client = ::accept(fd_, nullptr, nullptr)) >= 0; ::close(client)) {
      ++connections_;
      const timeval limit{2, 0};
      ::setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
      char request[4096];
      ::recv(client, request, sizeof request, 0);
      const std::string head = "HTTP/1.1 200 OK\r\n" +
                               (announced_ ? "Content-Length: " + std::to_string(size_) + "\r\n"
                                           : std::string("Connection: close\r\n")) +
                               "\r\n";
      ::send(client, head.data(), head.size(), MSG_NOSIGNAL);
      static const char zeros[65536] = {};
      for (std::uint64_t left = size_; left > 0;) {
        const ssize_t n = ::send(client, zeros, std::min<std::uint64_t>(left, sizeof zeros),
                                 MSG_NOSIGNAL);
        if (n <= 0)
          break;
        left -= static_cast<std::uint64_t>(n);
        sent_ += static_cast<std::uint64_t>(n);
      }
    }
  }

  std::uint64_t size_;
  bool announced_;
  int port_ = 0;
  int fd_;
  std::atomic<std::uint64_t> sent_{0};
  std::atomic<int> connections_{0};
  std::thread thread_;
};

const entry_id id{"f-1234abcd", key{0x1234, 0x5678}, value_format::binary};

TEST(HttpClient, AHugeReplyIsRefusedOncePastTheBoundAndTheRemoteLeftAlone) {
  for (const bool announced : {true, false}) {
    flooding_server server(std::uint64_t(256) << 20, announced);
    const auto backend = cachepy::testing::said_remote_of(server.url());
    const std::string warnings = capture_warnings([&] {
      EXPECT_FALSE(backend->load(id));
      EXPECT_FALSE(backend->load(id));
    });
    server.stop();
    EXPECT_LT(server.sent(), std::uint64_t(32) << 20) << "Content-Length: " << announced;
    EXPECT_EQ(server.connections(), 1);
    EXPECT_NE(warnings.find("larger than"), std::string::npos) << warnings;
    EXPECT_EQ(warnings.find("warning:", warnings.find("warning:") + 1), std::string::npos)
        << warnings;
  }
}

// A ca-file that is a FIFO: libcurl's own open of it would wait for a writer forever.
// It is read by the runtime, without blocking, and refused: one warning, a miss.
TEST(HttpClient, ACaFileThatIsAFifoIsRefusedNotWaitedOn) {
  const cachepy::testing::scratch_dir scratch("http-ca-fifo");
  std::filesystem::create_directories(scratch.path());
  const std::string fifo = scratch.path() + "/ca.pem";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  flooding_server server(16, true);
  std::string url = server.url();
  url.replace(0, 4, "https");
  const auto backend = cachepy::testing::said_remote_of(url + "|ca-file=" + fifo);
  auto loading = std::async(std::launch::async, [&] {
    return capture_warnings([&] { EXPECT_FALSE(backend->load(id)); });
  });
  if (loading.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
    ::close(::open(fifo.c_str(), O_WRONLY)); // lets the waiting open go, then fails
    loading.wait();
    FAIL() << "waited on the FIFO";
  }
  const std::string warnings = loading.get();
  EXPECT_NE(warnings.find("ca-file"), std::string::npos) << warnings;
}

} // namespace
} // namespace cachepy::detail
