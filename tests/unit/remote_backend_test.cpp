// Remote backends against real servers on 127.0.0.1: redis-server and nginx started
// by the test, a port nobody listens on, and a listener that never answers.

#include "test_servers.hpp"

#include "storage/local/entry_format.hpp"
#include "storage/remote/redis_storage.hpp"
#include "storage/remote/remote_record.hpp"
#include "storage/remote/remote_backend.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <xxhash.h>

namespace cachepy::detail {
namespace {

using cachepy::testing::capture_warnings;
using cachepy::testing::nginx_server;
using cachepy::testing::redis_server;
using cachepy::testing::silent_listener;

const key k{0x1234, 0x5678};
const std::string name = k.hex();
const entry_id id{"f-1234abcd", k, value_format::binary};

// A whole entry file's bytes, as the local store writes them.
std::string entry_bytes(std::size_t payload_size) {
  std::string payload(payload_size, 'v');
  for (std::size_t i = 0; i < payload_size; i += 4096)
    payload[i] = static_cast<char>(i / 4096);
  const entry_header header =
      make_header(k, value_format::binary, payload.size(),
                  XXH3_64bits(payload.data(), payload.size()), /*written_at_ms=*/1);
  return std::string(reinterpret_cast<const char *>(&header), sizeof header) + payload;
}

// The one remote of `spec`, as the configuration makes it.
std::unique_ptr<storage_backend> remote(const std::string &spec, const std::string &secret = "") {
  auto backends = make_remote_backends({spec}, secret);
  EXPECT_EQ(backends.size(), 1u) << spec;
  return std::move(backends.at(0));
}

// An intact entry for k from the remote, as the facade accepts it.
std::optional<std::string> load(storage_backend &server) {
  std::optional<std::string> entry = server.load(id);
  if (entry && !decode_entry(*entry, k, value_format::binary).ok)
    return std::nullopt;
  return entry;
}

std::size_t count(const std::string &text, const std::string &what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

class RemoteSizes : public ::testing::TestWithParam<std::size_t> {};

TEST_P(RemoteSizes, RedisAndHttpRoundTrip) {
  redis_server redis;
  nginx_server nginx;
  const std::string entry = entry_bytes(GetParam());
  for (const std::string &url : {redis.url(), nginx.url()}) {
    auto writer = remote(url), reader = remote(url);
    writer->save(id, entry);
    const std::optional<std::string> loaded = load(*reader);
    ASSERT_TRUE(loaded) << url;
    EXPECT_TRUE(*loaded == entry) << url;
  }
}

// Payload sizes: empty, one byte, an entry of one chunk less one, exactly one chunk,
// one chunk plus one, and 80 MB.
INSTANTIATE_TEST_SUITE_P(Sizes, RemoteSizes,
                         ::testing::Values(0, 1, default_chunk_size - 1 - sizeof(entry_header),
                                           default_chunk_size - sizeof(entry_header),
                                           default_chunk_size + 1 - sizeof(entry_header),
                                           std::size_t(80) << 20));

TEST(RemoteBackend, HttpKeyLayoutIsPrefixTwoHexRest) {
  nginx_server nginx;
  remote(nginx.url("/team"))->save(id, entry_bytes(10));
  EXPECT_TRUE(std::filesystem::exists(nginx.root() + "/team/cachepy/" + name.substr(0, 2) +
                                      "/" + name.substr(2)));
}

TEST(RemoteBackend, ADownServerIsOneWarningAndAMiss) {
  const int port = cachepy::testing::free_port();
  auto server = remote("redis://:hunter2@127.0.0.1:" + std::to_string(port), "");
  const std::string warnings = capture_warnings([&] {
    EXPECT_FALSE(load(*server));
    server->save(id, entry_bytes(10));
    EXPECT_FALSE(load(*server));
  });
  EXPECT_EQ(count(warnings, "warning:"), 1u) << warnings;
  EXPECT_NE(warnings.find("redis://:***@127.0.0.1:" + std::to_string(port)), std::string::npos);
  EXPECT_EQ(warnings.find("hunter2"), std::string::npos);
}

TEST(RemoteBackend, AServerComingBackIsUsedByTheNextProcess) {
  const int port = cachepy::testing::free_port();
  const std::string url = "redis://127.0.0.1:" + std::to_string(port);
  auto before = remote(url, "");
  capture_warnings([&] { before->save(id, entry_bytes(10)); });
  redis_server redis("", port);
  auto after = remote(url, "");
  after->save(id, entry_bytes(10));
  EXPECT_TRUE(load(*after));
}

TEST(RemoteBackend, HungServersCostOnlyTheirTimeouts) {
  silent_listener hung;
  const std::string address = "127.0.0.1:" + std::to_string(hung.port());
  for (const std::string &url : {"redis://" + address, "http://" + address + "/c"}) {
    auto server = remote(url + "|connect-timeout=100|operation-timeout=200", "");
    const std::string warnings = capture_warnings([&] {
      EXPECT_FALSE(load(*server));
      server->save(id, entry_bytes(10));
    });
    EXPECT_EQ(count(warnings, "warning:"), 1u) << warnings;
  }
}

TEST(RemoteBackend, AWrongPasswordIsOneWarningWithoutIt) {
  redis_server redis("right-password");
  auto server = remote("redis://:wrong-password@127.0.0.1:" + std::to_string(redis.port()), "");
  const std::string warnings = capture_warnings([&] { EXPECT_FALSE(load(*server)); });
  EXPECT_NE(warnings.find("refused the password"), std::string::npos) << warnings;
  EXPECT_EQ(warnings.find("wrong-password"), std::string::npos);
  auto right = remote("redis://:right-password@127.0.0.1:" + std::to_string(redis.port()), "");
  right->save(id, entry_bytes(10));
  EXPECT_TRUE(load(*right));
}

TEST(RemoteBackend, DamagedAndTruncatedValuesAreMisses) {
  redis_server redis;
  std::string problem;
  redis_storage raw(*parse_remote_url(redis.url(), problem));
  auto server = remote(redis.url(), "");
  std::string entry = entry_bytes(100);
  entry[80] ^= 1; // the checksum no longer matches
  ASSERT_TRUE(write_record(raw, name, entry, "").ok());
  EXPECT_FALSE(load(*server)); // given, and refused by the entry's own checksum
  ASSERT_TRUE(raw.put(name, "CPYREMO").ok());
  const std::string warnings = capture_warnings([&] { EXPECT_FALSE(load(*server)); });
  EXPECT_NE(warnings.find("ignoring entry " + name + " (truncated record)"), std::string::npos)
      << warnings;
  server->save(id, entry_bytes(100)); // and the backend still works
  EXPECT_TRUE(load(*server));
}

// More chunks than either pipeline window (sizes, then bytes), small ones so that the
// test stays small; a damaged chunk stops the read, and the replies still due are read,
// so that the connection's next command gets its own reply.
TEST(RemoteBackend, RedisReadsChunksPipelinedAndStaysInStep) {
  redis_server redis;
  std::string problem;
  redis_storage raw(*parse_remote_url(redis.url(), problem));
  constexpr std::size_t small_chunk = 4096;
  const std::string entry = entry_bytes(100 * small_chunk + 7);
  ASSERT_TRUE(write_record(raw, "a", entry, "", small_chunk).ok());
  const remote_reply read = read_record(raw, "a", "");
  ASSERT_TRUE(read.ok()) << read.problem;
  EXPECT_TRUE(read.bytes == entry);

  ASSERT_TRUE(raw.put("a.50", "short").ok());
  EXPECT_EQ(read_record(raw, "a", "").status, remote_status::damaged);
  ASSERT_TRUE(raw.put("b", "value").ok());
  EXPECT_EQ(raw.get("b").bytes, "value");
  // The manifest of "a" under "c", with only half of the chunks there.
  ASSERT_TRUE(raw.put("c", raw.get("a").bytes).ok());
  for (int i = 0; i < 50; ++i)
    ASSERT_TRUE(raw.put("c." + std::to_string(i), raw.get("a." + std::to_string(i)).bytes).ok());
  EXPECT_EQ(read_record(raw, "c", "").status, remote_status::damaged);
  EXPECT_EQ(raw.get("b").bytes, "value");
}

// A manifest whose chunks are gone (evicted by the server, say) is a miss, and warned
// about once: the remote is not used as it was meant to be.
TEST(RemoteBackend, AMissingChunkIsAMissWithOneWarning) {
  redis_server redis;
  std::string problem;
  redis_storage raw(*parse_remote_url(redis.url(), problem));
  auto server = remote(redis.url());
  ASSERT_TRUE(write_record(raw, "elsewhere", entry_bytes(default_chunk_size), "").ok());
  ASSERT_TRUE(raw.put(name, raw.get("elsewhere").bytes).ok()); // its chunks are not there
  const std::string warnings = capture_warnings([&] {
    EXPECT_FALSE(load(*server));
    EXPECT_FALSE(load(*server));
  });
  EXPECT_EQ(count(warnings, "ignoring entry " + name + " (a chunk is missing)"), 1u) << warnings;
  server->save(id, entry_bytes(default_chunk_size)); // and the backend still works
  EXPECT_TRUE(load(*server));
}

TEST(RemoteBackend, ReadOnlyRemotesAreReadNeverWritten) {
  redis_server redis;
  auto read_only = remote(redis.url() + "|read-only=true"), writer = remote(redis.url());
  EXPECT_FALSE(read_only->save(id, entry_bytes(10)));
  EXPECT_FALSE(load(*writer));
  EXPECT_EQ(read_only->lock(id, 1), nullptr);
  EXPECT_NE(writer->lock(id, 0), nullptr); // no lock was taken
  writer->save(id, entry_bytes(10));
  EXPECT_TRUE(load(*read_only));
}

TEST(RemoteBackend, AFailingWriteIsOneWarning) {
  nginx_server nginx;
  auto server = remote(nginx.url("/read-only"), "");
  const std::string warnings = capture_warnings([&] {
    server->save(id, entry_bytes(10));
    server->save(id, entry_bytes(10));
  });
  EXPECT_EQ(count(warnings, "warning:"), 1u) << warnings;
  EXPECT_NE(warnings.find("HTTP status 405"), std::string::npos) << warnings;
}

TEST(RemoteBackend, EntriesSignedWithAnotherSecretAreMisses) {
  redis_server redis;
  auto ours = remote(redis.url(), "ours"), theirs = remote(redis.url() + "|secret=theirs", "ours");
  theirs->save(id, entry_bytes(10));
  capture_warnings([&] { EXPECT_FALSE(load(*ours)); });
  ours->save(id, entry_bytes(10));
  EXPECT_TRUE(load(*ours));
}

TEST(RemoteBackend, AWaiterReadsTheHoldersEntry) {
  redis_server redis;
  auto holder = remote(redis.url()), waiter = remote(redis.url());
  std::unique_ptr<backend_lock> held = holder->lock(id, 10);
  ASSERT_NE(held, nullptr);
  std::thread computing([&] {
    holder->save(id, entry_bytes(10));
    held.reset(); // releases the lease
  });
  // Null when it saw the entry appear, a lease when the holder had released it first.
  const std::unique_ptr<backend_lock> waited = waiter->lock(id, 600);
  computing.join();
  EXPECT_TRUE(load(*waiter));
}

TEST(RemoteBackend, ALeaseLeftByADeadHolderIsTakenOver) {
  redis_server redis;
  std::string problem;
  redis_storage raw(*parse_remote_url(redis.url(), problem));
  ASSERT_EQ(raw.try_lock(name + ".lock", "dead holder", 300), lock_status::taken);
  auto waiter = remote(redis.url());
  EXPECT_NE(waiter->lock(id, 600), nullptr);
}

TEST(RemoteBackend, AHolderComputingLongerThanItsLeaseKeepsIt) {
  redis_server redis;
  auto holder = remote(redis.url() + "|lock-lease=1"), other = remote(redis.url());
  const std::unique_ptr<backend_lock> held = holder->lock(id, 10);
  ASSERT_NE(held, nullptr);
  std::this_thread::sleep_for(std::chrono::milliseconds(2500)); // 2.5 leases
  EXPECT_EQ(other->lock(id, 0), nullptr);
}

} // namespace
} // namespace cachepy::detail
