// The remote tier against real servers on 127.0.0.1: redis-server and nginx started
// by the test, a port nobody listens on, and a listener that never answers.

#include "test_servers.hpp"

#include "store/entry_format.hpp"
#include "storage/remote/redis_storage.hpp"
#include "storage/remote/remote_record.hpp"
#include "storage/remote/remote_tier.hpp"

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

// A whole entry file's bytes, as the local store writes them.
std::string entry_bytes(std::size_t payload_size) {
  std::string payload(payload_size, 'v');
  for (std::size_t i = 0; i < payload_size; i += 4096)
    payload[i] = static_cast<char>(i / 4096);
  const entry_header header =
      make_header(k, backend::binary, payload.size(), XXH3_64bits(payload.data(), payload.size()));
  return std::string(reinterpret_cast<const char *>(&header), sizeof header) + payload;
}

bool valid(std::string_view bytes) { return decode_entry(bytes, k, backend::binary).ok; }

std::optional<std::string> load(remote_tier &tier) {
  return tier.load(name, [](std::string_view bytes) { return valid(bytes); });
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
    remote_tier writer({url}, ""), reader({url}, "");
    writer.save(name, entry);
    const std::optional<std::string> loaded = load(reader);
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

TEST(RemoteTier, HttpKeyLayoutIsPrefixTwoHexRest) {
  nginx_server nginx;
  remote_tier({nginx.url("/team")}, "").save(name, entry_bytes(10));
  EXPECT_TRUE(std::filesystem::exists(nginx.root() + "/team/cachepy/" + name.substr(0, 2) +
                                      "/" + name.substr(2)));
}

TEST(RemoteTier, ADownServerIsOneWarningAndAMiss) {
  const int port = cachepy::testing::free_port();
  remote_tier tier({"redis://:hunter2@127.0.0.1:" + std::to_string(port)}, "");
  const std::string warnings = capture_warnings([&] {
    EXPECT_FALSE(load(tier));
    tier.save(name, entry_bytes(10));
    EXPECT_FALSE(load(tier));
  });
  EXPECT_EQ(count(warnings, "warning:"), 1u) << warnings;
  EXPECT_NE(warnings.find("redis://:***@127.0.0.1:" + std::to_string(port)), std::string::npos);
  EXPECT_EQ(warnings.find("hunter2"), std::string::npos);
}

TEST(RemoteTier, AServerComingBackIsUsedByTheNextProcess) {
  const int port = cachepy::testing::free_port();
  const std::string url = "redis://127.0.0.1:" + std::to_string(port);
  remote_tier before({url}, "");
  capture_warnings([&] { before.save(name, entry_bytes(10)); });
  redis_server redis("", port);
  remote_tier after({url}, "");
  after.save(name, entry_bytes(10));
  EXPECT_TRUE(load(after));
}

TEST(RemoteTier, HungServersCostOnlyTheirTimeouts) {
  silent_listener hung;
  const std::string address = "127.0.0.1:" + std::to_string(hung.port());
  for (const std::string &url : {"redis://" + address, "http://" + address + "/c"}) {
    remote_tier tier({url + "|connect-timeout=100|operation-timeout=200"}, "");
    const std::string warnings = capture_warnings([&] {
      EXPECT_FALSE(load(tier));
      tier.save(name, entry_bytes(10));
    });
    EXPECT_EQ(count(warnings, "warning:"), 1u) << warnings;
  }
}

TEST(RemoteTier, AWrongPasswordIsOneWarningWithoutIt) {
  redis_server redis("right-password");
  remote_tier tier({"redis://:wrong-password@127.0.0.1:" + std::to_string(redis.port())}, "");
  const std::string warnings = capture_warnings([&] { EXPECT_FALSE(load(tier)); });
  EXPECT_NE(warnings.find("refused the password"), std::string::npos) << warnings;
  EXPECT_EQ(warnings.find("wrong-password"), std::string::npos);
  remote_tier right({"redis://:right-password@127.0.0.1:" + std::to_string(redis.port())}, "");
  right.save(name, entry_bytes(10));
  EXPECT_TRUE(load(right));
}

TEST(RemoteTier, DamagedAndTruncatedValuesAreMisses) {
  redis_server redis;
  std::string problem;
  redis_storage raw(*parse_remote_url(redis.url(), problem));
  remote_tier tier({redis.url()}, "");
  std::string entry = entry_bytes(100);
  entry[80] ^= 1; // the checksum no longer matches
  ASSERT_TRUE(write_record(raw, name, entry, "").ok());
  const std::string warnings = capture_warnings([&] { EXPECT_FALSE(load(tier)); });
  EXPECT_NE(warnings.find("ignoring entry"), std::string::npos) << warnings;
  ASSERT_TRUE(raw.put(name, "CPYREMO").ok()); // truncated record
  EXPECT_FALSE(load(tier));
  tier.save(name, entry_bytes(100)); // and the tier still works
  EXPECT_TRUE(load(tier));
}

TEST(RemoteTier, ReadOnlyRemotesAreReadNeverWritten) {
  redis_server redis;
  remote_tier read_only({redis.url() + "|read-only=true"}, ""), writer({redis.url()}, "");
  read_only.save(name, entry_bytes(10));
  EXPECT_FALSE(load(writer));
  const remote_claim claim = read_only.claim(name, 1, [] { return false; });
  EXPECT_TRUE(writer.claim(name, 0, [] { return false; }).holds()); // no lock was taken
  writer.save(name, entry_bytes(10));
  EXPECT_TRUE(load(read_only));
}

TEST(RemoteTier, AFailingWriteIsOneWarning) {
  nginx_server nginx;
  remote_tier tier({nginx.url("/read-only")}, "");
  const std::string warnings = capture_warnings([&] {
    tier.save(name, entry_bytes(10));
    tier.save(name, entry_bytes(10));
  });
  EXPECT_EQ(count(warnings, "warning:"), 1u) << warnings;
  EXPECT_NE(warnings.find("HTTP status 405"), std::string::npos) << warnings;
}

TEST(RemoteTier, EntriesSignedWithAnotherSecretAreMisses) {
  redis_server redis;
  remote_tier ours({redis.url()}, "ours"), theirs({redis.url() + "|secret=theirs"}, "ours");
  theirs.save(name, entry_bytes(10));
  capture_warnings([&] { EXPECT_FALSE(load(ours)); });
  ours.save(name, entry_bytes(10));
  EXPECT_TRUE(load(ours));
}

TEST(RemoteTier, AWaiterReadsTheHoldersEntry) {
  redis_server redis;
  remote_tier holder({redis.url()}, ""), waiter({redis.url()}, "");
  std::optional<remote_claim> held(holder.claim(name, 10, [] { return false; }));
  ASSERT_TRUE(held->holds());
  std::thread computing([&] {
    holder.save(name, entry_bytes(10));
    held.reset(); // releases the lease
  });
  const remote_claim waited =
      waiter.claim(name, 600, [&] { return load(waiter).has_value(); });
  computing.join();
  EXPECT_TRUE(waited.arrived());
  EXPECT_FALSE(waited.holds());
}

TEST(RemoteTier, ALeaseLeftByADeadHolderIsTakenOver) {
  redis_server redis;
  std::string problem;
  redis_storage raw(*parse_remote_url(redis.url(), problem));
  ASSERT_EQ(raw.try_lock(name + ".lock", "dead holder", 300), lock_status::taken);
  remote_tier waiter({redis.url()}, "");
  const remote_claim taken = waiter.claim(name, 600, [] { return false; });
  EXPECT_TRUE(taken.holds());
  EXPECT_FALSE(taken.arrived());
}

TEST(RemoteTier, AHolderComputingLongerThanItsLeaseKeepsIt) {
  redis_server redis;
  remote_tier holder({redis.url() + "|lock-lease=1"}, ""), other({redis.url()}, "");
  const remote_claim held = holder.claim(name, 10, [] { return false; });
  ASSERT_TRUE(held.holds());
  std::this_thread::sleep_for(std::chrono::milliseconds(2500)); // 2.5 leases
  EXPECT_FALSE(other.claim(name, 0, [] { return false; }).holds());
}

} // namespace
} // namespace cachepy::detail
