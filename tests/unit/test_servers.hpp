#ifndef CACHEPY_TESTS_TEST_SERVERS_HPP
#define CACHEPY_TESTS_TEST_SERVERS_HPP

// Servers for the remote storage's tests, on 127.0.0.1 only: a redis-server and an
// nginx (WebDAV PUT) started as child processes on free ports, and a listener that
// accepts connections and never answers. Each stops when its object goes, also when
// an assertion failed.

#include "scratch_dir.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <fstream>
#include <netinet/in.h>
#include <random>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace cachepy::testing {

// A socket bound to 127.0.0.1 on a free port in 20000-60000, or -1.
inline int bind_loopback(int &port) {
  std::mt19937 random{std::random_device{}()};
  for (int attempt = 0; attempt < 100; ++attempt) {
    port = std::uniform_int_distribution<int>(20000, 60000)(random);
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0)
      return fd;
    ::close(fd);
  }
  return -1;
}

inline int free_port() {
  int port = 0;
  const int fd = bind_loopback(port);
  ::close(fd);
  return port;
}

inline bool accepts_connections(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool connected =
      ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

// A child process running `argv`, killed and reaped on destruction; ready once its
// port accepts connections.
class server_process {
public:
  server_process(std::vector<std::string> argv, int port) : port_(port) {
    pid_ = ::fork();
    if (pid_ == 0) {
      std::vector<char *> args;
      for (std::string &arg : argv)
        args.push_back(arg.data());
      args.push_back(nullptr);
      ::execvp(args[0], args.data());
      ::_exit(127);
    }
    for (int i = 0; i < 1000 && !accepts_connections(port_); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ~server_process() { stop(); }
  server_process(const server_process &) = delete;
  server_process &operator=(const server_process &) = delete;

  void stop() {
    if (pid_ <= 0)
      return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  int port() const { return port_; }

private:
  int port_;
  pid_t pid_ = -1;
};

class redis_server {
public:
  explicit redis_server(const std::string &password = "", int port = free_port())
      : process_(arguments(port, password), port) {}
  int port() const { return process_.port(); }
  std::string url() const { return "redis://127.0.0.1:" + std::to_string(port()); }
  void stop() { process_.stop(); }

private:
  static std::vector<std::string> arguments(int port, const std::string &password) {
    std::vector<std::string> args{"redis-server", "--port",       std::to_string(port),
                                  "--bind",       "127.0.0.1",    "--save",
                                  "",             "--appendonly", "no"};
    if (!password.empty())
      args.insert(args.end(), {"--requirepass", password});
    return args;
  }
  server_process process_;
};

// nginx with WebDAV PUT under /, and /read-only/ refusing PUT.
class nginx_server {
public:
  nginx_server()
      : dir_("nginx"), port_(free_port()),
        process_({"nginx", "-p", dir_.path(), "-c", write_config(), "-e",
                  dir_.path() + "/error.log"},
                 port_) {}
  int port() const { return port_; }
  std::string url(const std::string &path = "/cache") const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  const std::string &root() const { return root_; }

private:
  std::string write_config() {
    root_ = dir_.path() + "/root";
    std::filesystem::create_directories(root_ + "/read-only");
    const std::string config = dir_.path() + "/nginx.conf";
    std::ofstream(config)
        << "daemon off; master_process off; pid " << dir_.path() << "/nginx.pid;\n"
        << "error_log " << dir_.path() << "/error.log;\nevents {}\nhttp {\n"
        << "  access_log off; client_max_body_size 0;\n"
        << "  client_body_temp_path " << dir_.path() << "/body;\n"
        << "  proxy_temp_path " << dir_.path() << "/proxy;\n"
        << "  fastcgi_temp_path " << dir_.path() << "/fastcgi;\n"
        << "  uwsgi_temp_path " << dir_.path() << "/uwsgi;\n"
        << "  scgi_temp_path " << dir_.path() << "/scgi;\n"
        << "  server {\n    listen 127.0.0.1:" << port_ << ";\n    root " << root_ << ";\n"
        << "    location / { dav_methods PUT; create_full_put_path on; }\n"
        << "    location /read-only/ { }\n  }\n}\n";
    return config;
  }
  scratch_dir dir_;
  std::string root_;
  int port_;
  server_process process_;
};

// Accepts connections (the kernel's backlog does) and never answers: a hung server.
class silent_listener {
public:
  silent_listener() : fd_(bind_loopback(port_)) { ::listen(fd_, 64); }
  ~silent_listener() { ::close(fd_); }
  silent_listener(const silent_listener &) = delete;
  silent_listener &operator=(const silent_listener &) = delete;
  int port() const { return port_; }

private:
  int port_ = 0;
  int fd_;
};

// How many times `what` occurs in `text` (warnings in what was captured).
inline std::size_t count(const std::string &text, const std::string &what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

// What the runtime wrote on stderr while `run` ran.
template <class Run> std::string capture_warnings(Run run) {
  ::testing::internal::CaptureStderr();
  run();
  return ::testing::internal::GetCapturedStderr();
}

} // namespace cachepy::testing

#endif
