#include "storage/remote/remote_url.hpp"

#include <gtest/gtest.h>

namespace cachepy::detail {
namespace {

remote_url parsed(const std::string &spec) {
  std::string problem;
  const std::optional<remote_url> url = parse_remote_url(spec, problem);
  EXPECT_TRUE(url) << spec << ": " << problem;
  return url.value_or(remote_url{});
}

std::string problem_of(const std::string &spec) {
  std::string problem;
  EXPECT_FALSE(parse_remote_url(spec, problem)) << spec;
  return problem;
}

TEST(RemoteUrl, RedisWithEverything) {
  const remote_url url = parsed("redis://alice:s3cret@cache-host:6380/2");
  EXPECT_EQ(url.scheme, remote_scheme::redis);
  EXPECT_EQ(url.host, "cache-host");
  EXPECT_EQ(url.port, 6380);
  EXPECT_EQ(url.database, 2);
  EXPECT_EQ(url.user, "alice");
  EXPECT_EQ(url.password, "s3cret");
  EXPECT_EQ(url.shown, "redis://alice:***@cache-host:6380/2");
}

TEST(RemoteUrl, RedisDefaultsAndPasswordOnly) {
  const remote_url plain = parsed("redis://cache-host");
  EXPECT_EQ(plain.port, 6379);
  EXPECT_EQ(plain.database, 0);
  EXPECT_EQ(plain.shown, "redis://cache-host");
  const remote_url password = parsed("redis://:pw@h/");
  EXPECT_EQ(password.user, "");
  EXPECT_EQ(password.password, "pw");
  EXPECT_EQ(password.shown.find("pw"), std::string::npos);
}

TEST(RemoteUrl, RedisUnixSocket) {
  const remote_url url = parsed("redis+unix:/run/redis.sock");
  EXPECT_EQ(url.scheme, remote_scheme::redis_unix);
  EXPECT_EQ(url.socket_path, "/run/redis.sock");
}

TEST(RemoteUrl, HttpWithPath) {
  const remote_url url = parsed("http://cache-host:8080/cachepy/");
  EXPECT_EQ(url.scheme, remote_scheme::http);
  EXPECT_EQ(url.host, "cache-host");
  EXPECT_EQ(url.port, 8080);
  EXPECT_EQ(url.path, "/cachepy");
}

TEST(RemoteUrl, Attributes) {
  const remote_url url = parsed("redis://h|read-only=true|connect-timeout=250|"
                                "operation-timeout=900|lock-lease=7|key-prefix=team|secret=k");
  EXPECT_TRUE(url.read_only);
  EXPECT_EQ(url.connect_timeout_ms, 250);
  EXPECT_EQ(url.operation_timeout_ms, 900);
  EXPECT_EQ(url.lock_lease_seconds, 7);
  EXPECT_EQ(url.key_prefix, "team");
  EXPECT_EQ(url.secret, "k");
  const remote_url defaults = parsed("http://h/p");
  EXPECT_FALSE(defaults.read_only);
  EXPECT_EQ(defaults.connect_timeout_ms, 100);
  EXPECT_EQ(defaults.operation_timeout_ms, 5000);
  EXPECT_EQ(defaults.lock_lease_seconds, 30);
  EXPECT_EQ(defaults.key_prefix, "cachepy");
}

TEST(RemoteUrl, BadUrlsAndAttributesSayWhy) {
  EXPECT_NE(problem_of("ftp://h/x").find("unknown scheme"), std::string::npos);
  EXPECT_NE(problem_of("redis://h:99999").find("redis://"), std::string::npos);
  EXPECT_NE(problem_of("redis://:pw@").find("redis://"), std::string::npos);
  EXPECT_NE(problem_of("redis://h/zero").find("database"), std::string::npos);
  EXPECT_NE(problem_of("redis+unix:relative.sock").find("absolute"), std::string::npos);
  EXPECT_NE(problem_of("http://user:pw@h/x").find("http://"), std::string::npos);
  EXPECT_NE(problem_of("redis://h|colour=red").find("unknown attribute 'colour'"),
            std::string::npos);
  EXPECT_NE(problem_of("redis://h|connect-timeout=soon").find("connect-timeout"),
            std::string::npos);
  EXPECT_NE(problem_of("redis://h|read-only=yes").find("read-only"), std::string::npos);
  EXPECT_NE(problem_of("redis://h|lock-lease").find("lock-lease"), std::string::npos);
}

TEST(RemoteUrl, ListSplitsOnBlanks) {
  EXPECT_EQ(split_remote_list("  redis://a|read-only=true \thttp://b/c\n"),
            (std::vector<std::string>{"redis://a|read-only=true", "http://b/c"}));
  EXPECT_TRUE(split_remote_list("   ").empty());
}

} // namespace
} // namespace cachepy::detail
