#include "storage/remote/remote_url.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace cachepy::detail {
namespace {

using namespace std::chrono_literals;

remote_url parsed(const std::string &spec) {
  const storage_outcome<std::optional<remote_url>> url = parse_remote_url(spec);
  EXPECT_TRUE(url.value) << spec << ": " << (url.failure ? url.failure->detail : "");
  return url.value.value_or(remote_url{});
}

std::string problem_of(const std::string &spec) {
  const storage_outcome<std::optional<remote_url>> url = parse_remote_url(spec);
  EXPECT_FALSE(url.value) << spec;
  EXPECT_TRUE(url.failure && url.failure->what == storage_failure::kind::malformed_remote)
      << spec;
  return url.failure ? url.failure->detail : "";
}

TEST(RemoteUrl, RedisWithEverything) {
  const remote_url url = parsed("redis://alice:s3cret@cache-host:6380/2");
  EXPECT_EQ(url.scheme, remote_scheme::redis);
  EXPECT_EQ(url.host, "cache-host");
  EXPECT_EQ(url.port, 6380);
  EXPECT_EQ(url.database, 2);
  EXPECT_EQ(url.user, "alice");
  EXPECT_EQ(url.password, "s3cret");
  EXPECT_EQ(url.shown, "redis://:***@cache-host:6380/2");
}

TEST(RemoteUrl, RedisDefaultsAndPasswordOnly) {
  const remote_url plain = parsed("redis://cache-host");
  EXPECT_EQ(plain.port, 6379);
  EXPECT_EQ(plain.database, 0);
  EXPECT_EQ(plain.shown, "redis://cache-host:6379");
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
  EXPECT_EQ(url.connect_timeout, 250ms);
  EXPECT_EQ(url.operation_timeout, 900ms);
  EXPECT_EQ(url.lock_lease, 7s);
  EXPECT_EQ(url.key_prefix, "team");
  EXPECT_EQ(url.secret, "k");
  const remote_url defaults = parsed("http://h/p");
  EXPECT_FALSE(defaults.read_only);
  EXPECT_EQ(defaults.connect_timeout, 100ms);
  EXPECT_EQ(defaults.operation_timeout, 5000ms);
  EXPECT_EQ(defaults.lock_lease, 30s);
  EXPECT_EQ(defaults.key_prefix, "cachepy");
}

TEST(RemoteUrl, BadUrlsAndAttributesSayWhy) {
  EXPECT_NE(problem_of("ftp://h/x").find("unknown scheme"), std::string::npos);
  EXPECT_NE(problem_of("redis://h:99999").find("65535"), std::string::npos);
  EXPECT_NE(problem_of("redis://:pw@").find("host"), std::string::npos);
  EXPECT_NE(problem_of("redis://h/zero").find("database"), std::string::npos);
  EXPECT_NE(problem_of("redis+unix:relative.sock").find("absolute"), std::string::npos);
  EXPECT_NE(problem_of("http://user:pw@h/x").find("http://"), std::string::npos);
  EXPECT_EQ(problem_of("redis://h|colour=red"),
            "redis://h:6379: attribute 1 is unknown (expected read-only, connect-timeout, "
            "operation-timeout, lock-lease, key-prefix, secret, ca-file or max-entry-size)");
  EXPECT_NE(problem_of("redis://h|connect-timeout=soon").find("connect-timeout"),
            std::string::npos);
  EXPECT_NE(problem_of("redis://h|read-only=yes").find("read-only"), std::string::npos);
  EXPECT_NE(problem_of("redis://h|lock-lease").find("attribute 1 is not name=value"), std::string::npos);
}

TEST(RemoteUrl, CredentialsArePercentDecoded) {
  const remote_url url = parsed("redis://al%20ice:s%20e%7Cc%40r%25et@h:6380/2");
  EXPECT_EQ(url.user, "al ice");
  EXPECT_EQ(url.password, "s e|c@r%et");
  EXPECT_EQ(url.shown, "redis://:***@h:6380/2");
  EXPECT_EQ(parsed("redis://pass%20word@h").password, "pass word");
}

TEST(RemoteUrl, AttributeValuesArePercentDecoded) {
  const remote_url url = parsed("redis://h|secret=team%20shared%7Ckey|key-prefix=a%3Ab");
  EXPECT_EQ(url.secret, "team shared|key");
  EXPECT_EQ(url.key_prefix, "a:b");
  EXPECT_EQ(parsed("redis+unix:/run/r%20s.sock").socket_path, "/run/r s.sock");
  EXPECT_NE(problem_of("redis://h|secret=%zz").find("attribute 1"), std::string::npos);
  EXPECT_NE(problem_of("redis://h|secret=50%").find("attribute 1"), std::string::npos);
  EXPECT_NE(problem_of("redis://h|key-prefix=a%2Fb").find("key-prefix"), std::string::npos);
}

TEST(RemoteUrl, Ipv6LiteralsInBrackets) {
  const remote_url redis = parsed("redis://[::1]:6380");
  EXPECT_EQ(redis.host, "::1");
  EXPECT_EQ(redis.port, 6380);
  EXPECT_EQ(redis.shown, "redis://[::1]:6380");
  const remote_url http = parsed("http://[::1]:8080/x/");
  EXPECT_EQ(http.host, "::1");
  EXPECT_EQ(http.path, "/x");
  EXPECT_EQ(http.shown, "http://[::1]:8080/x");
}

TEST(RemoteUrl, HttpsWithCaFile) {
  const remote_url url = parsed("https://cache-host/c|ca-file=/etc/team%20ca.pem");
  EXPECT_EQ(url.scheme, remote_scheme::https);
  EXPECT_EQ(url.port, 443);
  EXPECT_EQ(url.path, "/c");
  EXPECT_EQ(url.ca_file, "/etc/team ca.pem");
  EXPECT_EQ(url.shown, "https://cache-host:443/c");
  EXPECT_EQ(parsed("https://h:8443/c").port, 8443);
  EXPECT_EQ(parsed("http://h/c").port, 80);
  EXPECT_NE(problem_of("http://h/c|ca-file=/ca.pem").find("ca-file"), std::string::npos);
}

TEST(RemoteUrl, NoQueryFragmentOrPortZero) {
  problem_of("redis://h?db=1");
  problem_of("http://h/c#x");
  problem_of("http://h:0/c");
  EXPECT_EQ(parsed("redis://h/").database, 0);
}

// Whatever the mistake, the problem (printed in a warning) holds no piece of the password
// or the secret: a '|' or a blank in them, unencoded, splits them into other fields.
TEST(RemoteUrl, ProblemsNeverHoldCredentials) {
  for (const char *spec : {
           "redis://:hunter2@h|colour=red",
           "redis://:hunter2@h|secret=hunter2|hunter2",
           "redis://:hunter2@h|secret=a|hunter2=b",
           "redis://:hun|ter2@h",
           "redis://hun|ter2@h",
           "redis://hun|ter2=x@h",
           "redis://:hunter2@h:99999",
           "redis://:hunter 2@h",
           "redis://:hunter2@h|secret=hunter 2",
           "hunter2",
           "hunter2:x",
           "ter2@h",
       }) {
    const std::string problem = problem_of(spec);
    for (const char *piece : {"hun", "ter2", "unter"})
      EXPECT_EQ(problem.find(piece), std::string::npos) << spec << ": " << problem;
  }
}

TEST(RemoteUrl, ProblemNamesTheRemote) {
  EXPECT_EQ(problem_of("redis://:pw@127.0.0.1:6379/1|read-only=yes"),
            "redis://:***@127.0.0.1:6379/1: bad value for attribute 'read-only'");
  EXPECT_EQ(problem_of("http://h:99999/c").rfind("http:...: ", 0), 0u);
}

TEST(RemoteUrl, DisplayNameEncodesThePath) {
  EXPECT_EQ(parsed("http://h/a%20b%22c").shown, "http://h:80/a%20b%22c");
  problem_of("http://h/a%0Ab"); // as curl: no control character in a decoded part
  EXPECT_EQ(parsed("redis+unix:/run/a%0Ab").shown, "redis+unix:/run/a%0Ab");
}

TEST(RemoteUrl, DisplayNameHasNoCredentials) {
  remote_url url;
  url.host = "h";
  url.port = 1;
  url.user = "u-name";
  url.secret = "s-value";
  EXPECT_EQ(display_name(url), "redis://:***@h:1");
  url.scheme = remote_scheme::https;
  url.user.clear();
  url.password = "p-value";
  url.ca_file = "/ca.pem";
  url.path = "/c";
  EXPECT_EQ(display_name(url), "https://:***@h:1/c");
}

TEST(RemoteUrl, EnvironmentListReplacesTheConfiguration) {
  const std::vector<std::string> configured{"redis://a"};
  EXPECT_EQ(remote_specs(nullptr, configured), configured);
  EXPECT_TRUE(remote_specs("", configured).empty());
  EXPECT_EQ(remote_specs("redis://b http://c/d", configured),
            (std::vector<std::string>{"redis://b", "http://c/d"}));
}

TEST(RemoteUrl, ListSplitsOnBlanks) {
  EXPECT_EQ(split_remote_list("  redis://a|read-only=true \thttp://b/c\n"),
            (std::vector<std::string>{"redis://a|read-only=true", "http://b/c"}));
  EXPECT_TRUE(split_remote_list("   ").empty());
}

TEST(RemoteUrl, AnUndecodablePercentInThePasswordIsMalformed) {
  const std::string problem = problem_of("redis://:pw%ZZx@127.0.0.1"); // was taken as text
  EXPECT_NE(problem.find("undecodable"), std::string::npos) << problem;
  EXPECT_EQ(problem.find("pw"), std::string::npos) << problem;
  problem_of("redis://us%4@127.0.0.1");
  EXPECT_EQ(parsed("redis://:pw%25x@127.0.0.1").password, "pw%x");
}

TEST(RemoteUrl, ABlankInsideASecretRefusesTheWholeRemote) {
  const std::vector<std::string> specs =
      split_remote_list("redis://h|secret=team shared-key http://b/c");
  ASSERT_EQ(specs.size(), 2u);
  const std::string problem = problem_of(specs[0]); // never a remote signing with "team"
  EXPECT_EQ(problem.find("shared-key"), std::string::npos);
  EXPECT_EQ(problem.find("team"), std::string::npos);
  parsed(specs[1]);
}

} // namespace
} // namespace cachepy::detail
