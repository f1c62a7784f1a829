// Remote backends against real servers on 127.0.0.1: redis-server and nginx started
// by the test, a port nobody listens on, and a listener that never answers.

#include "said_remote.hpp"
#include "test_servers.hpp"

#include "storage/local/entry_format.hpp"
#include "storage/remote/redis_client.hpp"
#include "storage/remote/remote_record.hpp"
#include "storage/remote/signed_remote.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <thread>
#include <xxhash.h>

namespace cachepy::detail {
namespace {

using namespace std::chrono_literals;

using cachepy::testing::capture_warnings;
using cachepy::testing::count;
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

using cachepy::testing::said_remote;

// The one remote of `spec`, as the configuration makes it and the facade uses it.
std::unique_ptr<said_remote> remote(const std::string &spec, const std::string &secret = "") {
  return cachepy::testing::said_remote_of(spec, secret);
}

// An intact entry for k from the remote, as the facade accepts it.
std::optional<std::string> load(said_remote &server) {
  std::optional<std::string> entry = server.load(id);
  if (entry && !decode_entry(*entry, k, value_format::binary).ok)
    return std::nullopt;
  return entry;
}

// What redis-cli prints for one command against the test's server.
std::string redis_cli(const redis_server &redis, const std::string &command) {
  std::string output;
  const std::string line =
      "redis-cli -h 127.0.0.1 -p " + std::to_string(redis.port()) + " " + command;
  if (FILE *pipe = ::popen(line.c_str(), "r")) {
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
      output.append(buffer, n);
    ::pclose(pipe);
  }
  while (!output.empty() && output.back() == '\n')
    output.pop_back();
  return output;
}

// The bytes the server has sent to its clients so far.
std::uint64_t bytes_sent(const redis_server &redis) {
  const std::string stats = redis_cli(redis, "INFO stats");
  const std::string field = "total_net_output_bytes:";
  const std::size_t at = stats.find(field);
  return at == std::string::npos ? 0 : std::stoull(stats.substr(at + field.size()));
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

TEST(SignedRemote, HttpKeyLayoutIsPrefixTwoHexRest) {
  nginx_server nginx;
  remote(nginx.url("/team"))->save(id, entry_bytes(10));
  EXPECT_TRUE(std::filesystem::exists(nginx.root() + "/team/cachepy/" + name.substr(0, 2) +
                                      "/" + name.substr(2)));
}

TEST(SignedRemote, ADownServerIsOneWarningAndAMiss) {
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

// A remote reports its failure as a value and logs nothing (the facade says it); it is
// then left alone: the next call reports nothing and asks no server.
TEST(SignedRemote, AFailureIsReportedNotLoggedAndTheRemoteLeftAlone) {
  const int port = cachepy::testing::free_port();
  made_remote_backends made =
      make_remote_backends({"redis://:hunter2@127.0.0.1:" + std::to_string(port)}, "");
  ASSERT_EQ(made.backends.size(), 1u);
  remote_backend &server = *made.backends[0];
  storage_outcome<std::optional<std::string>> first, second;
  const std::string warnings = capture_warnings([&] {
    first = server.load(id);
    second = server.load(id);
  });
  EXPECT_EQ(warnings, "");
  ASSERT_TRUE(first.failure);
  EXPECT_EQ(first.failure->what, storage_failure::kind::remote_failed);
  EXPECT_NE(first.failure->detail.find("cannot connect"), std::string::npos)
      << first.failure->detail;
  EXPECT_EQ(first.failure->detail.find("hunter2"), std::string::npos);
  EXPECT_FALSE(second.failure);
  EXPECT_FALSE(second.value);
}

TEST(SignedRemote, AServerComingBackIsUsedByTheNextProcess) {
  const int port = cachepy::testing::free_port();
  const std::string url = "redis://127.0.0.1:" + std::to_string(port);
  auto before = remote(url, "");
  capture_warnings([&] { before->save(id, entry_bytes(10)); });
  redis_server redis("", port);
  auto after = remote(url, "");
  after->save(id, entry_bytes(10));
  EXPECT_TRUE(load(*after));
}

TEST(SignedRemote, HungServersCostOnlyTheirTimeouts) {
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

TEST(SignedRemote, AWrongPasswordIsOneWarningWithoutIt) {
  redis_server redis("right-password");
  auto server = remote("redis://:wrong-password@127.0.0.1:" + std::to_string(redis.port()), "");
  const std::string warnings = capture_warnings([&] { EXPECT_FALSE(load(*server)); });
  EXPECT_NE(warnings.find("refused the password"), std::string::npos) << warnings;
  EXPECT_EQ(warnings.find("wrong-password"), std::string::npos);
  auto right = remote("redis://:right-password@127.0.0.1:" + std::to_string(redis.port()), "");
  right->save(id, entry_bytes(10));
  EXPECT_TRUE(load(*right));
}

// Bytes no honest writer makes: a miss, one warning, and the remote left alone for a
// while, as after a failure (the next process tries it again).
TEST(SignedRemote, DamagedAndTruncatedValuesAreMissesAndTheRemoteIsLeftAlone) {
  redis_server redis;
  std::string flipped = entry_bytes(100);
  flipped[80] ^= 1; // the checksum no longer matches
  for (const std::string &damage : {std::string("checksum mismatch"), std::string("truncated record")}) {
    // Named apart (another database): a remote's warning is given once per process.
    const std::string url = redis.url() + (damage == "checksum mismatch" ? "" : "/1");
    redis_client raw(*parse_remote_url(url).value);
    if (damage == "checksum mismatch")
      ASSERT_TRUE(write_record(raw, name, flipped, "").ok());
    else
      ASSERT_TRUE(raw.put(name, "CPYREMO").ok());
    auto server = remote(url, "");
    const std::string warnings = capture_warnings([&] {
      EXPECT_FALSE(load(*server));
      EXPECT_FALSE(server->save(id, entry_bytes(100)));
    });
    EXPECT_EQ(count(warnings, "warning:"), 1u) << warnings;
    EXPECT_NE(warnings.find(damage), std::string::npos) << warnings;
  }
  remote(redis.url(), "")->save(id, entry_bytes(100));
  EXPECT_TRUE(load(*remote(redis.url(), "")));
}

// More chunks than either pipeline window (sizes, then bytes), small ones so that the
// test stays small; a damaged chunk stops the read, and the replies still due are read,
// so that the connection's next command gets its own reply.
TEST(SignedRemote, RedisReadsChunksPipelinedAndStaysInStep) {
  redis_server redis;
  redis_client raw(*parse_remote_url(redis.url()).value);
  constexpr std::size_t small_chunk = 4096;
  const std::string entry = entry_bytes(100 * small_chunk + 7);
  ASSERT_TRUE(write_record(raw, "a", entry, "", small_chunk).ok());
  const remote_reply read = read_record(raw, "a", "");
  ASSERT_TRUE(read.ok()) << read.problem;
  EXPECT_TRUE(read.bytes == entry);

  ASSERT_TRUE(raw.put("a.50", "short").ok());
  EXPECT_EQ(read_record(raw, "a", "").status, remote_status::damaged);
  ASSERT_TRUE(raw.put("b", "value").ok());
  EXPECT_EQ(raw.get("b", 1 << 20).bytes, "value");
  // The manifest of "a" under "c", with only half of the chunks there.
  ASSERT_TRUE(raw.put("c", raw.get("a", 1 << 20).bytes).ok());
  for (int i = 0; i < 50; ++i)
    ASSERT_TRUE(raw.put("c." + std::to_string(i), raw.get("a." + std::to_string(i), 1 << 20).bytes).ok());
  EXPECT_EQ(read_record(raw, "c", "").status, remote_status::unusable);
  EXPECT_EQ(raw.get("b", 1 << 20).bytes, "value");
}

// A manifest whose chunks are gone (evicted by the server, say) is a miss, and warned
// about once: the remote is not used as it was meant to be.
TEST(SignedRemote, AMissingChunkIsAMissWithOneWarning) {
  redis_server redis;
  redis_client raw(*parse_remote_url(redis.url()).value);
  auto server = remote(redis.url());
  ASSERT_TRUE(write_record(raw, "elsewhere", entry_bytes(default_chunk_size), "").ok());
  ASSERT_TRUE(raw.put(name, raw.get("elsewhere", 1 << 20).bytes).ok()); // its chunks are not there
  const std::string warnings = capture_warnings([&] {
    EXPECT_FALSE(load(*server));
    EXPECT_FALSE(load(*server));
  });
  EXPECT_EQ(count(warnings, "ignoring entry " + name + " (a chunk is missing)"), 1u) << warnings;
  server->save(id, entry_bytes(default_chunk_size)); // and the backend still works
  EXPECT_TRUE(load(*server));
}

TEST(SignedRemote, ReadOnlyRemotesAreReadNeverWritten) {
  redis_server redis;
  auto read_only = remote(redis.url() + "|read-only=true"), writer = remote(redis.url());
  EXPECT_FALSE(read_only->save(id, entry_bytes(10)));
  EXPECT_FALSE(load(*writer));
  EXPECT_EQ(read_only->lock(id, 1s), nullptr);
  EXPECT_NE(writer->lock(id, 0s), nullptr); // no lock was taken
  writer->save(id, entry_bytes(10));
  EXPECT_TRUE(load(*read_only));
}

TEST(SignedRemote, AFailingWriteIsOneWarning) {
  nginx_server nginx;
  auto server = remote(nginx.url("/read-only"), "");
  const std::string warnings = capture_warnings([&] {
    server->save(id, entry_bytes(10));
    server->save(id, entry_bytes(10));
  });
  EXPECT_EQ(count(warnings, "warning:"), 1u) << warnings;
  EXPECT_NE(warnings.find("HTTP status 405"), std::string::npos) << warnings;
}

TEST(SignedRemote, EntriesSignedWithAnotherSecretAreMisses) {
  redis_server redis;
  auto ours = remote(redis.url(), "ours"), theirs = remote(redis.url() + "|secret=theirs", "ours");
  theirs->save(id, entry_bytes(10));
  capture_warnings([&] { EXPECT_FALSE(load(*ours)); });
  ours->save(id, entry_bytes(10));
  EXPECT_TRUE(load(*ours));
}

// One machine with a wrong secret (or none) must not evict the team's entries: entries
// of different secrets live under different names.
TEST(SignedRemote, MachinesWithDifferentSecretsNeverOverwriteEachOther) {
  redis_server redis;
  auto team = remote(redis.url(), "team"), stray = remote(redis.url(), "wrong"),
       none = remote(redis.url());
  team->save(id, entry_bytes(10));
  capture_warnings([&] {
    EXPECT_FALSE(load(*stray));
    EXPECT_FALSE(load(*none));
  });
  stray->save(id, entry_bytes(20));
  none->save(id, entry_bytes(30));
  EXPECT_EQ(load(*team), entry_bytes(10));
  EXPECT_EQ(load(*stray), entry_bytes(20));
  EXPECT_EQ(load(*none), entry_bytes(30));
}

TEST(SignedRemote, AMachineWithoutASecretIgnoresSignedEntriesWithOneWarning) {
  redis_server redis;
  redis_client raw(*parse_remote_url(redis.url()).value);
  ASSERT_TRUE(write_record(raw, name, entry_bytes(10), "team").ok());
  auto unsigned_machine = remote(redis.url());
  const std::string warnings = capture_warnings([&] {
    EXPECT_FALSE(load(*unsigned_machine));
    EXPECT_FALSE(load(*unsigned_machine));
  });
  EXPECT_EQ(count(warnings, "warning:"), 1u) << warnings;
  EXPECT_NE(warnings.find("signed"), std::string::npos) << warnings;
}

// Anyone who can write to the Redis could otherwise stall every miss for lock_timeout.
TEST(SignedRemote, ALeaseWithoutAValidSignatureIsIgnoredWithOneWarning) {
  redis_server redis;
  auto holder = remote(redis.url(), "team"), waiter = remote(redis.url(), "team");
  std::unique_ptr<backend_lock> held = holder->lock(id, 1s);
  ASSERT_NE(held, nullptr);
  const std::string lock_key = redis_cli(redis, "--scan --pattern '*.lock'");
  held.reset();
  ASSERT_EQ(redis_cli(redis, "SET " + lock_key + " forged PX 600000"), "OK");
  const auto start = std::chrono::steady_clock::now();
  const std::string warnings = capture_warnings([&] {
    EXPECT_EQ(waiter->lock(id, 5s), nullptr);
    EXPECT_EQ(waiter->lock(id, 5s), nullptr);
  });
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_EQ(count(warnings, "warning:"), 1u) << warnings;
  EXPECT_NE(warnings.find("lease"), std::string::npos) << warnings;
}

// A signed lease copied from the server and set again later is stale: its signed
// expiry has passed.
TEST(SignedRemote, AReplayedLeaseIsIgnored) {
  redis_server redis;
  auto holder = remote(redis.url() + "|lock-lease=1", "team"), waiter = remote(redis.url(), "team");
  std::unique_ptr<backend_lock> held = holder->lock(id, 1s);
  ASSERT_NE(held, nullptr);
  const std::string lock_key = redis_cli(redis, "--scan --pattern '*.lock'");
  const std::string lease = redis_cli(redis, "GET " + lock_key);
  held.reset();
  std::this_thread::sleep_for(std::chrono::milliseconds(3500));
  ASSERT_EQ(redis_cli(redis, "SET " + lock_key + " '" + lease + "' PX 600000"), "OK");
  const auto start = std::chrono::steady_clock::now();
  capture_warnings([&] { EXPECT_EQ(waiter->lock(id, 5s), nullptr); });
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(SignedRemote, KeyPrefixesWithOtherCharactersAreLeftOutWithAWarning) {
  for (const std::string prefix : {"*", "cach*", "a?", "[ab]", "a\\b", "a b", "a/b"}) {
    const std::string warnings = capture_warnings([&] {
      const made_remote_backends made =
          make_remote_backends({"redis://127.0.0.1|key-prefix=" + prefix}, "");
      EXPECT_TRUE(made.backends.empty()) << prefix;
      for (const storage_failure &left_out : made.left_out)
        warn_once(left_out, {});
    });
    // A blank is refused before any attribute is read (it separates remotes).
    EXPECT_NE(warnings.find(prefix == "a b" ? "blank" : "key-prefix"), std::string::npos)
        << warnings;
  }
  EXPECT_EQ(make_remote_backends({"redis://127.0.0.1|key-prefix=team-a_1.b:c"}, "").backends.size(),
            1u);
}

// Keys under the prefix that cachepy did not name are another application's.
TEST(SignedRemote, ClearRemovesOnlyCachepysKeysAndCountsThem) {
  redis_server redis;
  redis_client raw(*parse_remote_url(redis.url()).value);
  remote(redis.url())->save(id, entry_bytes(10));
  remote(redis.url(), "team")->save(id, entry_bytes(default_chunk_size));
  ASSERT_EQ(redis_cli(redis, "SET cachepy:session:42 theirs"), "OK");
  ASSERT_EQ(redis_cli(redis, "SET cachepyX:" + name + " theirs"), "OK");
  const storage_outcome<std::uint64_t> removed = raw.clear();
  ASSERT_FALSE(removed.failure) << removed.failure->detail;
  EXPECT_EQ(removed.value, 2u);
  EXPECT_EQ(redis_cli(redis, "GET cachepy:session:42"), "theirs");
  EXPECT_EQ(redis_cli(redis, "GET cachepyX:" + name), "theirs");
  EXPECT_EQ(redis_cli(redis, "DBSIZE"), "2");
}

// A value far larger than any record is refused by the server's reply size, not after
// the client has read it all; the remote is then left alone, as after a failure.
TEST(SignedRemote, AnOversizedRedisValueIsRefusedBeforeItIsRead) {
  redis_server redis;
  ASSERT_EQ(redis_cli(redis, "SETRANGE cachepy:" + name + " 67108863 x"), "67108864");
  auto server = remote(redis.url());
  const std::uint64_t before = bytes_sent(redis);
  const std::string warnings = capture_warnings([&] {
    EXPECT_FALSE(load(*server));
    EXPECT_FALSE(load(*server));
  });
  EXPECT_LT(bytes_sent(redis) - before, std::uint64_t(16) << 20);
  EXPECT_EQ(count(warnings, "warning:"), 1u) << warnings;
}

// An honest writer with a larger bound: its entries are a miss here, with one warning,
// and the remote stays in use.
TEST(SignedRemote, EntriesAboveMaxEntrySizeAreMissesAndNeverStored) {
  redis_server redis;
  auto writer = remote(redis.url()), reader = remote(redis.url() + "|max-entry-size=4M");
  const std::string warnings = capture_warnings([&] {
    for (const std::size_t size : {std::size_t(5) << 20, default_chunk_size + 1}) {
      writer->save(id, entry_bytes(size)); // one record, then chunks
      EXPECT_FALSE(load(*reader)) << size;
    }
    EXPECT_FALSE(reader->save(id, entry_bytes(5 << 20)));
  });
  EXPECT_NE(warnings.find("max-entry-size"), std::string::npos) << warnings;
  reader->save(id, entry_bytes(10));
  EXPECT_TRUE(load(*reader));
}

TEST(SignedRemote, AWaiterReadsTheHoldersEntry) {
  redis_server redis;
  auto holder = remote(redis.url()), waiter = remote(redis.url());
  std::unique_ptr<backend_lock> held = holder->lock(id, 10s);
  ASSERT_NE(held, nullptr);
  std::thread computing([&] {
    holder->save(id, entry_bytes(10));
    held.reset(); // releases the lease
  });
  // Null when it saw the entry appear, a lease when the holder had released it first.
  const std::unique_ptr<backend_lock> waited = waiter->lock(id, 600s);
  computing.join();
  EXPECT_TRUE(load(*waiter));
}

TEST(SignedRemote, ALeaseLeftByADeadHolderIsTakenOver) {
  redis_server redis;
  redis_client raw(*parse_remote_url(redis.url()).value);
  ASSERT_EQ(raw.try_lock(name + ".lock", "dead holder", 300ms), lock_status::taken);
  auto waiter = remote(redis.url());
  EXPECT_NE(waiter->lock(id, 600s), nullptr);
}

TEST(SignedRemote, AHolderComputingLongerThanItsLeaseKeepsIt) {
  redis_server redis;
  auto holder = remote(redis.url() + "|lock-lease=1"), other = remote(redis.url());
  const std::unique_ptr<backend_lock> held = holder->lock(id, 10s);
  ASSERT_NE(held, nullptr);
  std::this_thread::sleep_for(std::chrono::milliseconds(2500)); // 2.5 leases
  EXPECT_EQ(other->lock(id, 0s), nullptr);
}

// Renewal signs a new expiry: past the first one (and the clock skew allowed), the
// holder's lease is still honoured by machines with the secret.
TEST(SignedRemote, ASignedLeaseIsRenewedAndHonoured) {
  redis_server redis;
  auto holder = remote(redis.url() + "|lock-lease=1", "team"), other = remote(redis.url(), "team");
  const std::unique_ptr<backend_lock> held = holder->lock(id, 10s);
  ASSERT_NE(held, nullptr);
  std::this_thread::sleep_for(std::chrono::milliseconds(3500));
  const auto start = std::chrono::steady_clock::now();
  const std::string warnings =
      capture_warnings([&] { EXPECT_EQ(other->lock(id, 500ms), nullptr); });
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(500));
  EXPECT_EQ(warnings, "");
}

} // namespace
} // namespace cachepy::detail
