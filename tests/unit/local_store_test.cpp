#include "store_text.hpp"
#include "storage/local/entry_format.hpp"

#include "storage/local/entry_lock.hpp"
#include "storage/local/inspect.hpp"
#include "storage/local/layout.hpp"

#include <cachepy/detail/value_codec.hpp>
#include <cachepy/types.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace cachepy::detail {
namespace {

using namespace std::chrono_literals;

namespace fs = std::filesystem;
using cachepy::testing::load_text;
using cachepy::testing::save_text;

class LocalStore : public ::testing::Test {
protected:
  void SetUp() override {
    dir = fs::temp_directory_path() /
          ("cachepy-store-test-" + std::to_string(::getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
  }
  void TearDown() override {
    ::chmod(dir.c_str(), 0755);
    fs::remove_all(dir);
  }

  fs::path dir;
  const key k{42, 43};
};

TEST_F(LocalStore, SavedEntryLoadsBack) {
  const entry_address where = address_of(dir.native(), "f-1234", k);
  save_text(where, k, "stored value");
  std::string payload;
  ASSERT_EQ(load_text(where, k, payload), load_result::hit);
  EXPECT_EQ(payload, "stored value");
  EXPECT_EQ(fs::path(where.file).filename(), k.hex() + ".cpy");
}

TEST_F(LocalStore, AnEntryWrittenLongerAgoThanItsMaxAgeIsExpiredAndLeftForTheStoreToReplace) {
  const entry_address where = address_of(dir.native(), "f", k);
  save_text(where, k, "stored value");
  { // written an hour ago; a hit's refreshed modification time would not change that
    entry_header header;
    std::fstream file(where.file, std::ios::in | std::ios::out | std::ios::binary);
    file.read(reinterpret_cast<char *>(&header), sizeof header);
    header.written_at_ms -= 3'600'000;
    file.seekp(0);
    file.write(reinterpret_cast<const char *>(&header), sizeof header);
  }
  std::string payload;
  const auto load = [&](std::uint64_t max_age) {
    return load_entry(where, k, value_format::binary, [&](std::istream &in, std::uint64_t) {
             payload.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
           }, max_age).result;
  };
  EXPECT_EQ(load(2 * 3600), load_result::hit);
  EXPECT_EQ(load(0), load_result::hit); // 0: no max_age
  payload.clear();
  EXPECT_EQ(load(3000), load_result::expired);
  EXPECT_EQ(payload, "");
  EXPECT_TRUE(fs::exists(where.file));
}

TEST_F(LocalStore, MissingEntryIsAMiss) {
  std::string payload;
  EXPECT_EQ(load_text(address_of(dir.native(), "f", k), k, payload),
            load_result::absent);
}

TEST_F(LocalStore, DamagedEntryIsAMiss) {
  const entry_address where = address_of(dir.native(), "f", k);
  save_text(where, k, "stored value");
  {
    std::fstream file(where.file, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(-2, std::ios::end);
    file.put('#');
  }
  std::string payload;
  EXPECT_EQ(load_text(where, k, payload), load_result::damaged);
}

TEST_F(LocalStore, EntryUnderAnotherKeyIsAMiss) {
  const entry_address where = address_of(dir.native(), "f", k);
  save_text(where, key{1, 1}, "stored under another key");
  std::string payload;
  EXPECT_EQ(load_text(where, k, payload), load_result::damaged);
}

TEST_F(LocalStore, OverwriteReplacesTheEntryAndLeavesNoTemporaries) {
  const entry_address where = address_of(dir.native(), "f", k);
  save_text(where, k, "first");
  save_text(where, k, "second");
  std::string payload;
  ASSERT_EQ(load_text(where, k, payload), load_result::hit);
  EXPECT_EQ(payload, "second");
  EXPECT_EQ(std::distance(fs::directory_iterator(where.directory), fs::directory_iterator()), 1);
}

TEST_F(LocalStore, UnwritableDirectoryDegradesToNoEntry) {
  if (::geteuid() == 0)
    GTEST_SKIP() << "root ignores directory permissions";
  fs::create_directories(dir);
  ::chmod(dir.c_str(), 0500);
  const entry_address where = address_of(dir.native(), "f", k);
  save_text(where, k, "value"); // must not throw
  std::string payload;
  EXPECT_EQ(load_text(where, k, payload), load_result::absent);
}

TEST_F(LocalStore, PathInPlaceOfTheCacheDirectoryDegradesToNoEntry) {
  fs::create_directories(dir.parent_path());
  std::ofstream(dir.native()) << "a file, not a directory";
  const entry_address where = address_of(dir.native(), "f", k);
  save_text(where, k, "value"); // must not throw
  std::string payload;
  EXPECT_EQ(load_text(where, k, payload), load_result::absent);
  fs::remove(dir);
}

// Larger than the streams' buffers and chunks, so the direct paths are exercised.
std::string large_payload() {
  std::string bytes(3 * 1024 * 1024 + 17, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i)
    bytes[i] = static_cast<char>((i * 2654435761u) >> 13);
  return bytes;
}

TEST_F(LocalStore, LargePayloadRoundTripsThroughTheStreams) {
  const entry_address where = address_of(dir.native(), "f", k);
  const std::string bytes = large_payload();
  ASSERT_EQ(save_text(where, k, bytes), std::optional<std::uint64_t>(bytes.size()));
  std::string payload;
  ASSERT_EQ(load_text(where, k, payload), load_result::hit);
  EXPECT_TRUE(payload == bytes);
  EXPECT_EQ(fs::file_size(where.file), bytes.size() + 56);
}

TEST_F(LocalStore, DamageInTheMiddleOfALargePayloadIsFoundAndTheEntryRemoved) {
  const entry_address where = address_of(dir.native(), "f", k);
  save_text(where, k, large_payload());
  {
    std::fstream file(where.file, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(2 * 1024 * 1024);
    file.put('#');
  }
  std::string payload;
  const loaded entry = load_entry(where, k, value_format::binary, [&](std::istream &in, std::uint64_t) {
    payload.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  });
  EXPECT_EQ(entry.result, load_result::damaged);
  EXPECT_EQ(entry.problem, "checksum mismatch");
  EXPECT_FALSE(fs::exists(where.file));
}

TEST_F(LocalStore, AReaderThatStopsEarlyStillHasTheWholePayloadChecked) {
  const entry_address where = address_of(dir.native(), "f", k);
  save_text(where, k, large_payload());
  char first[4];
  const loaded entry =
      load_entry(where, k, value_format::binary,
                 [&](std::istream &in, std::uint64_t) { in.read(first, 4); });
  EXPECT_EQ(entry.result, load_result::hit);
  EXPECT_EQ(entry.payload_size, large_payload().size());
}

TEST_F(LocalStore, AReaderThatFailsOnAnIntactEntryMakesItUnreadableNotDamaged) {
  const entry_address where = address_of(dir.native(), "f", k);
  save_text(where, k, "stored value");
  const loaded entry = load_entry(where, k, value_format::binary, [](std::istream &, std::uint64_t) {
    throw std::runtime_error("not the stored type");
  });
  EXPECT_EQ(entry.result, load_result::unreadable);
  EXPECT_EQ(entry.problem, "not the stored type");
  EXPECT_TRUE(fs::exists(where.file)); // it is overwritten by the recomputed value
}

// The decoder is handed only bytes whose checksum matched: damage anywhere in the
// payload makes the entry damaged before any value is built from it.
TEST_F(LocalStore, AChecksumMismatchNeverReachesTheDecoder) {
  const entry_address where = address_of(dir.native(), "f", k);
  const std::vector<std::string> value(1000, "text");
  save_entry(where, k, value_format::binary, [&](std::ostream &out) {
    encode_value(out, value_format::binary, [&](value_writer &archive) { archive(value); });
  });
  {
    std::fstream file(where.file, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(-2, std::ios::end);
    file.put('#');
  }
  bool decoded = false;
  const loaded entry = load_entry(where, k, value_format::binary, [&](std::istream &in, std::uint64_t size) {
    decode_value(in, value_format::binary, size, [&](value_reader &) { decoded = true; });
  });
  EXPECT_EQ(entry.result, load_result::damaged);
  EXPECT_FALSE(decoded);
}

// Bytes nobody wrote as a value, with a valid checksum (any writer of an unsigned
// remote can compute one): 400,000 nested '[' crashed RapidJSON's recursive parser.
TEST_F(LocalStore, ADeeplyNestedJsonEntryIsUnreadableNotACrash) {
  const entry_address where = address_of(dir.native(), "f", k);
  save_text(where, k, std::string(400000, '['), value_format::json);
  std::vector<double> value;
  const loaded entry = load_entry(where, k, value_format::json, [&](std::istream &in, std::uint64_t size) {
    decode_value(in, value_format::json, size, [&](value_reader &archive) { archive(value); });
  });
  EXPECT_EQ(entry.result, load_result::unreadable);
}

// `cachepy verify` does not call fine a JSON entry that no program can decode, though
// its checksum matches; well-formed JSON within the depth limit stays fine.
TEST_F(LocalStore, VerifyCallsADeeplyNestedJsonEntryUndecodable) {
  const entry_address where = address_of(dir.native(), "f", k);
  const auto verify = [&](const std::string &payload) {
    save_text(where, k, payload, value_format::json);
    return verify_entry(entry_info{where.file, k.hex()});
  };
  EXPECT_EQ(verify(std::string(400000, '[') + std::string(400000, ']')),
            "undecodable: JSON nested deeper than 1000 levels");
  EXPECT_EQ(verify("{\"value0\": [1, 2"), "undecodable: not a JSON document");
  EXPECT_EQ(verify("{\"value0\": " + std::string(999, '[') + std::string(999, ']') + "}"), "");
}

TEST_F(LocalStore, AWriterThatThrowsLeavesNeitherEntryNorTemporary) {
  const entry_address where = address_of(dir.native(), "f", k);
  EXPECT_THROW(save_entry(where, k, value_format::binary,
                          [](std::ostream &out) {
                            out << std::string(200 * 1024, 'x');
                            throw std::runtime_error("cannot serialize");
                          }),
               std::runtime_error);
  EXPECT_EQ(std::distance(fs::directory_iterator(where.directory), fs::directory_iterator()), 0);
}

// A cache shared by a group (umask 002) must stay writable by the group: directories
// and files are created with the user's umask, not a fixed mode.
// A serializer throws when its stream fails; when the disk failed it (full, or over the
// process's file size limit here), that is a store problem with the disk's errno, not
// the value's exception ("cannot serialize the result").
TEST_F(LocalStore, AFullDiskIsAStoreFailureNotTheValuesException) {
  const entry_address where = address_of(dir.native(), "f", k);
  const pid_t child = ::fork();
  if (child == 0) {
    ::signal(SIGXFSZ, SIG_IGN); // then write fails with EFBIG
    const rlimit small{64 * 1024, 64 * 1024};
    ::setrlimit(RLIMIT_FSIZE, &small);
    try {
      const auto stored = save_entry(where, k, value_format::binary, [](std::ostream &out) {
        out.exceptions(std::ios::badbit);
        out << std::string(1 << 20, 'x');
      });
      std::_Exit(!stored.failure ? 2 : 0);
    } catch (...) {
      std::_Exit(1);
    }
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: the exception escaped; 2: stored";
}

TEST_F(LocalStore, DirectoriesAndFilesFollowTheUsersUmask) {
  const mode_t before = ::umask(002);
  const entry_address where = address_of(dir.native(), "f-00000000", k);
  save_text(where, k, "value");
  { const auto lock = entry_lock::acquire(where, k, 1s); }
  ::umask(before);
  struct stat info;
  ASSERT_EQ(::stat(where.file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0664u);
  ASSERT_EQ(::stat(where.directory.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0775u);
}

// In a shared, world-writable directory, another user may plant symbolic links where
// the runtime writes: its writes never follow them.
TEST_F(LocalStore, WritesDoNotFollowSymbolicLinksPlantedBesideTheEntry) {
  const entry_address where = address_of(dir.native(), "f-00000000", k);
  fs::create_directories(where.directory);
  const std::string victim = (dir / "victim").native();
  std::ofstream(victim) << "precious";
  const std::string stem = where.file.substr(0, where.file.size() - 4);
  fs::create_symlink(victim, stem + ".computing");
  fs::create_symlink((dir / "created-through-the-link").native(), stem + ".lock");
  { const auto lock = entry_lock::acquire(where, k, 1s); }
  save_text(where, k, "value");
  std::ifstream in(victim);
  const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "precious");
  EXPECT_FALSE(fs::exists(dir / "created-through-the-link"));
}

} // namespace
} // namespace cachepy::detail
