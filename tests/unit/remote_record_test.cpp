#include "storage/remote/entry_signature.hpp"
#include "storage/remote/remote_record.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <map>

namespace cachepy::detail {
namespace {

// A remote that keeps its values in a map, counting what it is asked.
class map_storage final : public remote_client {
public:
  remote_reply get(const std::string &name, std::uint64_t limit) override {
    ++gets;
    remote_reply reply;
    const auto it = values.find(name);
    reply.status = it == values.end()          ? remote_status::missing
                   : it->second.size() > limit ? remote_status::damaged
                                               : remote_status::ok;
    if (reply.ok())
      reply.bytes = it->second;
    return reply;
  }
  remote_reply put(const std::string &name, std::string_view bytes) override {
    values[name] = std::string(bytes);
    remote_reply reply;
    reply.status = remote_status::ok;
    return reply;
  }
  bool exists(const std::string &name) override { return values.count(name) != 0; }
  std::map<std::string, std::string> values;
  int gets = 0;
};

constexpr std::size_t chunk = 4096;

std::string bytes_of(std::size_t size) {
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; ++i)
    bytes[i] = static_cast<char>(i * 7 + i / 251);
  return bytes;
}

class RemoteRecordSizes : public ::testing::TestWithParam<std::size_t> {};

TEST_P(RemoteRecordSizes, RoundTripWholeOrChunked) {
  map_storage storage;
  const std::string entry = bytes_of(GetParam());
  ASSERT_TRUE(write_record(storage, "k", entry, "", chunk).ok());
  const remote_reply read = read_record(storage, "k", "");
  ASSERT_TRUE(read.ok()) << read.problem;
  EXPECT_EQ(read.bytes, entry);
  EXPECT_EQ(storage.values.size(), GetParam() > chunk ? 1 + (GetParam() + chunk - 1) / chunk : 1);
}

INSTANTIATE_TEST_SUITE_P(Sizes, RemoteRecordSizes,
                         ::testing::Values(0, 1, chunk - 1, chunk, chunk + 1, 5 * chunk + 3));

// Evicted by the server, most likely: a miss, not a sign of a hostile server.
TEST(RemoteRecord, AMissingChunkIsUnusable) {
  map_storage storage;
  ASSERT_TRUE(write_record(storage, "k", bytes_of(3 * chunk), "", chunk).ok());
  storage.values.erase("k.1");
  const remote_reply read = read_record(storage, "k", "");
  EXPECT_EQ(read.status, remote_status::unusable);
  EXPECT_EQ(read.problem, "a chunk is missing");
}

TEST(RemoteRecord, TruncatedValuesAndChunksAreDamaged) {
  map_storage storage;
  ASSERT_TRUE(write_record(storage, "k", bytes_of(100), "", chunk).ok());
  storage.values["k"].pop_back();
  EXPECT_EQ(read_record(storage, "k", "").status, remote_status::damaged);
  storage.values["k"].resize(10);
  EXPECT_EQ(read_record(storage, "k", "").status, remote_status::damaged);
  ASSERT_TRUE(write_record(storage, "k", bytes_of(2 * chunk + 5), "", chunk).ok());
  storage.values["k.0"].pop_back();
  EXPECT_EQ(read_record(storage, "k", "").status, remote_status::damaged);
}

TEST(RemoteRecord, ForgedHugeSizesAllocateNothing) {
  map_storage storage;
  ASSERT_TRUE(write_record(storage, "k", bytes_of(100), "", chunk).ok());
  std::string &record = storage.values["k"];
  const std::uint64_t huge = std::uint64_t(1) << 60;
  std::memcpy(record.data() + 16, &huge, sizeof huge); // entry_size
  EXPECT_EQ(read_record(storage, "k", "").status, remote_status::damaged);
  // A manifest claiming 2^60 bytes is above max-entry-size: no chunk is asked for.
  ASSERT_TRUE(write_record(storage, "m", bytes_of(2 * chunk), "", chunk).ok());
  std::memcpy(storage.values["m"].data() + 16, &huge, sizeof huge);
  storage.gets = 0;
  EXPECT_EQ(read_record(storage, "m", "").status, remote_status::unusable);
  EXPECT_EQ(storage.gets, 1);
  // Within the bound, it stops at its first missing chunk.
  const std::uint64_t large = std::uint64_t(1) << 29;
  std::memcpy(storage.values["m"].data() + 16, &large, sizeof large);
  storage.gets = 0;
  EXPECT_EQ(read_record(storage, "m", "").status, remote_status::unusable);
  EXPECT_EQ(storage.gets, 4); // the manifest, two chunks, the first absent one
}

TEST(RemoteRecord, SignedEntriesNeedTheSameSecret) {
  map_storage storage;
  const std::string entry = bytes_of(3 * chunk);
  ASSERT_TRUE(write_record(storage, "k", entry, "team secret", chunk).ok());
  EXPECT_EQ(read_record(storage, "k", "team secret").bytes, entry);
  EXPECT_EQ(read_record(storage, "k", "other secret").status, remote_status::damaged);
  ASSERT_TRUE(write_record(storage, "u", entry, "", chunk).ok()); // unsigned
  EXPECT_EQ(read_record(storage, "u", "team secret").status, remote_status::damaged);
  // A signature binds the name: a value copied under another key does not verify.
  storage.values["v"] = storage.values["k"];
  storage.values["v.0"] = storage.values["k.0"];
  storage.values["v.1"] = storage.values["k.1"];
  storage.values["v.2"] = storage.values["k.2"];
  EXPECT_EQ(read_record(storage, "v", "team secret").status, remote_status::damaged);
}

TEST(EntrySignature, IsHmacSha256OfTheLengthPrefixedNameThenTheEntry) {
  // Python: hmac.new(b"Jefe", b"1:nwhat do ya want for nothing?", hashlib.sha256)
  const std::string signature = sign_entry("Jefe", "n", "what do ya want for nothing?");
  std::string hex;
  for (unsigned char byte : signature)
    hex += "0123456789abcdef"[byte >> 4], hex += "0123456789abcdef"[byte & 15];
  EXPECT_EQ(hex, "139f96b63ff74cf91decfc89ee088889f0fefb1f401a262d84374aac33bbf8f2");
  EXPECT_TRUE(signature_matches("k", "n", "e", sign_entry("k", "n", "e")));
  EXPECT_FALSE(signature_matches("k", "n", "e", sign_entry("k", "ne", "")));
}

} // namespace
} // namespace cachepy::detail
