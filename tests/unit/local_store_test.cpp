#include <cachepy/detail/store.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace cachepy::detail {
namespace {

namespace fs = std::filesystem;

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
  save_entry(where, k, backend::binary, "stored value");
  std::string payload;
  ASSERT_EQ(load_entry(where, k, backend::binary, payload), load_result::hit);
  EXPECT_EQ(payload, "stored value");
  EXPECT_EQ(fs::path(where.file).filename(), k.hex() + ".cpy");
}

TEST_F(LocalStore, MissingEntryIsAMiss) {
  std::string payload;
  EXPECT_EQ(load_entry(address_of(dir.native(), "f", k), k, backend::binary, payload),
            load_result::absent);
}

TEST_F(LocalStore, DamagedEntryIsAMiss) {
  const entry_address where = address_of(dir.native(), "f", k);
  save_entry(where, k, backend::binary, "stored value");
  {
    std::fstream file(where.file, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(-2, std::ios::end);
    file.put('#');
  }
  std::string payload;
  EXPECT_EQ(load_entry(where, k, backend::binary, payload), load_result::damaged);
}

TEST_F(LocalStore, EntryUnderAnotherKeyIsAMiss) {
  const entry_address where = address_of(dir.native(), "f", k);
  save_entry(where, key{1, 1}, backend::binary, "stored under another key");
  std::string payload;
  EXPECT_EQ(load_entry(where, k, backend::binary, payload), load_result::damaged);
}

TEST_F(LocalStore, OverwriteReplacesTheEntryAndLeavesNoTemporaries) {
  const entry_address where = address_of(dir.native(), "f", k);
  save_entry(where, k, backend::binary, "first");
  save_entry(where, k, backend::binary, "second");
  std::string payload;
  ASSERT_EQ(load_entry(where, k, backend::binary, payload), load_result::hit);
  EXPECT_EQ(payload, "second");
  EXPECT_EQ(std::distance(fs::directory_iterator(where.directory), fs::directory_iterator()), 1);
}

TEST_F(LocalStore, UnwritableDirectoryDegradesToNoEntry) {
  if (::geteuid() == 0)
    GTEST_SKIP() << "root ignores directory permissions";
  fs::create_directories(dir);
  ::chmod(dir.c_str(), 0500);
  const entry_address where = address_of(dir.native(), "f", k);
  save_entry(where, k, backend::binary, "value"); // must not throw
  std::string payload;
  EXPECT_EQ(load_entry(where, k, backend::binary, payload), load_result::absent);
}

TEST_F(LocalStore, PathInPlaceOfTheCacheDirectoryDegradesToNoEntry) {
  fs::create_directories(dir.parent_path());
  std::ofstream(dir.native()) << "a file, not a directory";
  const entry_address where = address_of(dir.native(), "f", k);
  save_entry(where, k, backend::binary, "value"); // must not throw
  std::string payload;
  EXPECT_EQ(load_entry(where, k, backend::binary, payload), load_result::absent);
  fs::remove(dir);
}

} // namespace
} // namespace cachepy::detail
