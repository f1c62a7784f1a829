// The storage facade: the order of its tiers, and the seam remote backends plug into
// (whole entry bytes, checked and adopted by the local backend).

#include "scratch_dir.hpp"
#include "store_text.hpp"
#include "test_servers.hpp"

#include "storage/local/entry_format.hpp"
#include "storage/storage.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>
#include <iterator>
#include <map>
#include <ostream>

namespace cachepy::detail {
namespace {

using namespace std::chrono_literals;

namespace fs = std::filesystem;

// A remote backend in memory: what it holds, what it was asked.
class fake_remote final : public remote_backend {
public:
  struct held final : backend_lock {
    explicit held(int &count) : count_(count) { ++count_; }
    ~held() override { --count_; }
    int &count_;
  };

  storage_outcome<std::optional<std::string>> load(const entry_id &id) noexcept override {
    ++loads;
    storage_outcome<std::optional<std::string>> outcome{std::nullopt, failure};
    if (const auto it = entries.find(id.k.hex()); it != entries.end())
      outcome.value = it->second;
    return outcome;
  }
  storage_outcome<bool> save(const entry_id &id, std::string_view entry) noexcept override {
    entries[id.k.hex()] = std::string(entry);
    return {true, failure};
  }
  lock_outcome lock(const entry_id &, std::chrono::milliseconds) noexcept override {
    if (!grants_leases)
      return {nullptr, failure};
    return {std::make_unique<held>(locks_held), failure};
  }
  std::string name() const override { return "fake://remote"; }

  std::map<std::string, std::string> entries;
  int loads = 0;
  int locks_held = 0;
  bool grants_leases = true; // false: as after waiting for a peer that stored the entry
  std::optional<storage_failure> failure; // what each answer reports
};

class Storage : public ::testing::Test {
protected:
  Storage() {
    auto remote = std::make_unique<fake_remote>();
    fake = remote.get();
    remotes.push_back(std::move(remote));
  }

  entry_storage storage_of(const std::string &dir) {
    return entry_storage(dir, id, config, remotes);
  }
  static std::string text_of(entry_storage &storage, load_result &result) {
    std::string text;
    result = storage
                 .load([&](std::istream &in, std::uint64_t) {
                   text.assign(std::istreambuf_iterator<char>(in), {});
                 }, /*max_age_seconds=*/0)
                 .result;
    return text;
  }
  static void save_text(entry_storage &storage, const std::string &text) {
    storage.save([&](std::ostream &out) { out << text; }, durability::none);
  }
  std::string entry_bytes(const std::string &text) {
    return cachepy::testing::entry_text_bytes(id.k, text);
  }

  cachepy::testing::scratch_dir local{"storage"};
  settings config;
  remote_backend_list remotes;
  fake_remote *fake = nullptr;
  const entry_id id{"f-00000000", key{5, 6}, value_format::binary};
};

// The warning says how to allow a directory only where listing it would: a symbolic
// link as a function directory is refused even in a listed one.
TEST_F(Storage, AnUntrustedDirectorysWarningOffersListingOnlyWhereItHelps) {
  std::filesystem::create_directories(local.path() + "/elsewhere");
  std::filesystem::create_directory_symlink(local.path() + "/elsewhere",
                                            local.path() + "/" + std::string(id.function_dir));
  entry_storage linked = storage_of(local.path());
  std::string warnings = cachepy::testing::capture_warnings([&] { EXPECT_FALSE(linked.usable()); });
  EXPECT_NE(warnings.find("symbolic link"), std::string::npos) << warnings;
  EXPECT_EQ(warnings.find("safe_directories"), std::string::npos) << warnings;

  const cachepy::testing::scratch_dir open_dir{"storage-open"};
  std::filesystem::create_directories(open_dir.path());
  std::filesystem::permissions(open_dir.path(), std::filesystem::perms::all);
  entry_storage everyones = storage_of(open_dir.path());
  warnings = cachepy::testing::capture_warnings([&] { EXPECT_FALSE(everyones.usable()); });
  EXPECT_NE(warnings.find("safe_directories"), std::string::npos) << warnings;
}

// The tiers report, the facade speaks: what a remote reports on every call is one
// warning in the process, naming the remote; the call goes on.
TEST_F(Storage, ARemotesFailuresAreOneWarningFromTheFacade) {
  fake->failure = storage_failure{storage_failure::kind::remote_failed, "cannot connect: refused"};
  const std::string warnings = cachepy::testing::capture_warnings([&] {
    for (int call = 0; call < 3; ++call) {
      entry_storage storage = storage_of(local.path());
      const storage_lock held = storage.lock(std::chrono::milliseconds(100));
      load_result result;
      text_of(storage, result);
      save_text(storage, "value");
    }
  });
  EXPECT_EQ(cachepy::testing::count(warnings, "warning:"), 1u) << warnings;
  EXPECT_NE(warnings.find("remote storage fake://remote: cannot connect: refused; going on "
                          "without it (retried after 60 s)"),
            std::string::npos)
      << warnings;
}

// The local directory's tiers return why they failed (storage_failure.hpp) and never
// log it: only the facade does, once per directory.
TEST_F(Storage, AnUnwritableDirectoryIsReportedByTheTierAndSaidOnceByTheFacade) {
  const std::string file_in_the_way = local.path() + "/file";
  std::filesystem::create_directories(local.path());
  std::ofstream(file_in_the_way) << "not a directory";
  const entry_address where = address_of(file_in_the_way, id.function_dir, id.k);
  std::optional<storage_failure> failure;
  std::string warnings = cachepy::testing::capture_warnings([&] {
    failure = make_function_directory(where);
    EXPECT_TRUE(save_entry(where, id.k, id.format, [](std::ostream &out) { out << "v"; })
                    .failure.has_value());
  });
  EXPECT_EQ(warnings, "");
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->what, storage_failure::kind::not_writable);
  EXPECT_NE(failure->detail.find("cannot create cache directory " + where.directory),
            std::string::npos)
      << failure->detail;

  remotes.clear();
  warnings = cachepy::testing::capture_warnings([&] {
    for (int call = 0; call < 2; ++call) {
      entry_storage storage = entry_storage(file_in_the_way, id, config, remotes);
      EXPECT_FALSE(storage.save([](std::ostream &out) { out << "v"; }, durability::none));
    }
  });
  EXPECT_EQ(cachepy::testing::count(warnings, "warning:"), 1u) << warnings;
  EXPECT_NE(warnings.find("; not caching there"), std::string::npos) << warnings;
}

TEST_F(Storage, ALocalHitDoesNotAskTheRemotes) {
  entry_storage storage = storage_of(local.path());
  save_text(storage, "local value");
  load_result result;
  EXPECT_EQ(text_of(storage, result), "local value");
  EXPECT_EQ(result, load_result::hit);
  EXPECT_EQ(fake->loads, 0);
}

TEST_F(Storage, AStoreGoesToTheLocalDirectoryThenToTheRemotesAsTheSameBytes) {
  entry_storage storage = storage_of(local.path());
  save_text(storage, "computed here");
  const entry_address where = address_of(local.path(), id.function_dir, id.k);
  ASSERT_EQ(fake->entries.size(), 1u);
  EXPECT_EQ(fake->entries.at(id.k.hex()), cachepy::testing::file_bytes(where.file));
}

TEST_F(Storage, ARemoteEntryIsCheckedThenKeptLocally) {
  fake->entries[id.k.hex()] = entry_bytes("computed on another machine");
  entry_storage storage = storage_of(local.path());
  load_result result;
  EXPECT_EQ(text_of(storage, result), "computed on another machine");
  EXPECT_EQ(result, load_result::hit);
  EXPECT_TRUE(fs::exists(address_of(local.path(), id.function_dir, id.k).file));
}

// Whoever can write in the local directory can replace the entry's file at any moment
// before it is pushed; here, while the value is encoded (the temporary file, when there
// is one, is swapped for another intact entry). What the remotes get is what was encoded.
TEST_F(Storage, TheBytesPushedAreTheBytesEncodedNeverTheLocalFile) {
  entry_storage storage = storage_of(local.path());
  const std::string forged = entry_bytes("forged");
  const std::string directory = address_of(local.path(), id.function_dir, id.k).directory;
  storage.save(
      [&](std::ostream &out) {
        std::error_code none;
        for (const fs::directory_entry &file : fs::directory_iterator(directory, none))
          if (file.path().filename().native().find(".tmp.") != std::string::npos) {
            std::ofstream(file.path().native() + ".swap", std::ios::binary) << forged;
            fs::rename(file.path().native() + ".swap", file.path());
          }
        out << "computed here";
      },
      durability::none);
  ASSERT_EQ(fake->entries.size(), 1u);
  const std::string &pushed = fake->entries.at(id.k.hex());
  const decoded_entry decoded = decode_entry(pushed, id.k, id.format);
  ASSERT_TRUE(decoded.ok) << decoded.problem;
  EXPECT_EQ(decoded.payload, "computed here");
}

// A remote hit is decoded from the bytes fetched and checked, not read back from the
// local copy: it is a hit even where the local directory cannot be written.
TEST_F(Storage, ARemoteHitIsDecodedFromTheFetchedBytes) {
  fake->entries[id.k.hex()] = entry_bytes("computed on another machine");
  fs::create_directories(local.path());
  const std::string not_a_directory = local.path() + "/file";
  std::ofstream(not_a_directory) << "x";
  entry_storage storage = storage_of(not_a_directory);
  load_result result;
  EXPECT_EQ(text_of(storage, result), "computed on another machine");
  EXPECT_EQ(result, load_result::hit);
}

TEST_F(Storage, DamagedRemoteBytesAreAMissAndNeverKeptLocally) {
  std::string damaged = entry_bytes("computed on another machine");
  damaged[damaged.size() - 3] ^= 0x20;
  fake->entries[id.k.hex()] = damaged;
  entry_storage storage = storage_of(local.path());
  load_result result;
  text_of(storage, result);
  EXPECT_EQ(result, load_result::absent);
  EXPECT_FALSE(fs::exists(address_of(local.path(), id.function_dir, id.k).file));
}

TEST_F(Storage, TheLockIsTakenLocallyAndOnEachRemoteAndReleasedTogether) {
  entry_storage storage = storage_of(local.path());
  {
    const storage_lock held = storage.lock(1s);
    EXPECT_NE(held.local, nullptr);
    EXPECT_EQ(fake->locks_held, 1);
  }
  EXPECT_EQ(fake->locks_held, 0);
}

// What a remote sends is decoded only once checked whole (read_entry_from).
class RemoteBytes : public ::testing::Test {
protected:
  load_result read(std::string_view bytes, value_format format = value_format::binary) {
    text.clear();
    return read_entry_from(bytes, k, format, [&](std::istream &in, std::uint64_t) {
             text.assign(std::istreambuf_iterator<char>(in), {});
           }).result;
  }

  const key k{7, 8};
  std::string text;
};

TEST_F(RemoteBytes, AnIntactEntryIsDecoded) {
  EXPECT_EQ(read(cachepy::testing::entry_text_bytes(k, "value")), load_result::hit);
  EXPECT_EQ(text, "value");
}

TEST_F(RemoteBytes, DamagedTruncatedOrForeignBytesAreRefused) {
  const std::string bytes = cachepy::testing::entry_text_bytes(k, "value");
  std::string flipped = bytes;
  flipped.back() ^= 1;
  std::string huge = bytes; // a header claiming an enormous payload
  const std::uint64_t claimed = std::uint64_t(1) << 60;
  std::memcpy(huge.data() + 32, &claimed, sizeof claimed);
  for (const std::string &bad :
       {flipped, bytes.substr(0, bytes.size() - 1), bytes.substr(0, 20), huge,
        cachepy::testing::entry_text_bytes(key{1, 2}, "value"), std::string()})
    EXPECT_NE(read(bad), load_result::hit);
}

TEST_F(RemoteBytes, AnEntryOfAnotherFormatIsRefused) {
  EXPECT_NE(read(cachepy::testing::entry_text_bytes(k, "value"), value_format::json),
            load_result::hit);
}

// A miss reads again after the lock, for what a peer stored meanwhile; a remote whose
// lease the call holds has nothing new (a holder stores before it releases, and a
// waiter looks for the entry before it takes the lease): it is asked once.
TEST_F(Storage, AfterTheLockARemoteIsAskedAgainOnlyWithoutItsLease) {
  entry_storage storage = storage_of(local.path());
  load_result result;
  text_of(storage, result);
  {
    const storage_lock held = storage.lock(1s);
    text_of(storage, result);
  }
  EXPECT_EQ(result, load_result::absent);
  EXPECT_EQ(fake->loads, 1);

  cachepy::testing::scratch_dir other{"storage-other"};
  entry_storage waiter = storage_of(other.path());
  fake->loads = 0;
  fake->grants_leases = false;
  text_of(waiter, result);
  const storage_lock held = waiter.lock(1s);
  fake->entries[id.k.hex()] = entry_bytes("stored by the peer it waited for");
  EXPECT_EQ(text_of(waiter, result), "stored by the peer it waited for");
  EXPECT_EQ(fake->loads, 2);
}

} // namespace
} // namespace cachepy::detail
