#include "scratch_dir.hpp"

#include "storage/local/entry_lock.hpp"
#include "storage/local/layout.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sys/file.h>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

namespace cachepy::detail {
namespace {

using namespace std::chrono_literals;

namespace fs = std::filesystem;

class EntryLock : public ::testing::Test {
protected:
  cachepy::testing::scratch_dir scratch{"lock"};
  const key k{7, 7};
  entry_address where = address_of(scratch.path(), "f-00000000", k);
};

TEST_F(EntryLock, HolderLeavesSentinelAndLockThenRemovesBoth) {
  const std::string stem = where.file.substr(0, where.file.size() - 4);
  {
    const entry_lock lock = entry_lock::acquire(where, k, 1s);
    ASSERT_TRUE(lock.held());
    EXPECT_TRUE(fs::exists(stem + ".computing"));
    EXPECT_TRUE(fs::exists(stem + ".lock"));
  }
  EXPECT_FALSE(fs::exists(stem + ".computing"));
  EXPECT_FALSE(fs::exists(stem + ".lock"));
}

TEST_F(EntryLock, ASecondThreadWaitsForTheFirst) {
  std::atomic<bool> first_done{false};
  std::atomic<bool> second_saw_first_done{false};
  auto first = std::make_unique<entry_lock>(entry_lock::acquire(where, k, 1s));
  ASSERT_TRUE(first->held());
  std::thread second([&] {
    const entry_lock lock = entry_lock::acquire(where, k, 5s);
    second_saw_first_done = lock.held() && first_done.load();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  first_done = true;
  first.reset();
  second.join();
  EXPECT_TRUE(second_saw_first_done);
}

TEST_F(EntryLock, WaitingIsBounded) {
  const entry_lock first = entry_lock::acquire(where, k, 1s);
  ASSERT_TRUE(first.held());
  const auto start = std::chrono::steady_clock::now();
  bool second_held = true;
  std::thread([&] { second_held = entry_lock::acquire(where, k, 200ms).held(); }).join();
  EXPECT_FALSE(second_held);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
}

TEST_F(EntryLock, StaleDebrisIsRemovedAndLiveFilesKept) {
  fs::create_directories(where.directory);
  const std::string here = where.file + ".tmp." + layout::this_host();
  const std::string dead_tmp = here + ".999999999.0123456789abcdef"; // no such pid
  const std::string live_tmp = here + '.' + std::to_string(::getpid()) + ".0123456789abcdef";
  const std::string stale_key = key{0, 0xff}.hex();
  const std::string stale_lock = where.directory + '/' + stale_key + ".lock";
  const std::string stale_sentinel = where.directory + '/' + stale_key + ".computing";
  for (const std::string &path : {dead_tmp, live_tmp, stale_lock, stale_sentinel})
    std::ofstream(path) << "x";
  const entry_lock live = entry_lock::acquire(where, k, 1s); // a held lock must stay
  EXPECT_EQ(remove_stale_debris(where.directory), 2u);
  EXPECT_FALSE(fs::exists(dead_tmp));
  EXPECT_FALSE(fs::exists(stale_lock));
  EXPECT_FALSE(fs::exists(stale_sentinel));
  EXPECT_TRUE(fs::exists(live_tmp));
  EXPECT_TRUE(fs::exists(where.file.substr(0, where.file.size() - 4) + ".lock"));
}

TEST_F(EntryLock, TemporaryNamesCarryTheHostAndThePid) {
  const std::string name = fs::path(layout::temporary_file(where.file)).filename().native();
  const std::string expected_start = k.hex() + ".cpy.tmp." + layout::this_host() + '.' +
                                     std::to_string(::getpid()) + '.';
  EXPECT_EQ(name.compare(0, expected_start.size(), expected_start), 0) << name;
  const layout::temporary_writer writer = layout::writer_of_temporary(name);
  EXPECT_EQ(writer.host, layout::this_host());
  EXPECT_EQ(writer.pid, ::getpid());
  EXPECT_EQ(layout::writer_of_temporary("hits.log.tmp.node-7.cluster.lan.4242.00ff").host,
            "node-7.cluster.lan");
}

// On a directory shared by several hosts (NFS), a pid in another host's temporary name
// says nothing about this host's processes: such a file goes only when it is old.
TEST_F(EntryLock, AnotherHostsTemporaryIsJudgedByItsAgeNotByItsPid) {
  fs::create_directories(where.directory);
  const std::string other = where.file + ".tmp.other-host.example";
  const std::string writing = other + ".999999999.0123456789abcdef"; // that pid is dead here only
  const std::string abandoned = other + '.' + std::to_string(::getpid()) + ".0123456789abcdef";
  for (const std::string &path : {writing, abandoned})
    std::ofstream(path) << "x";
  fs::last_write_time(abandoned, fs::file_time_type::clock::now() - std::chrono::hours(25));
  EXPECT_EQ(remove_stale_debris(where.directory), 1u);
  EXPECT_TRUE(fs::exists(writing));
  EXPECT_FALSE(fs::exists(abandoned));
}

// What both the lock and the stale-lock cleanup rely on: a descriptor opened on a lock
// file that was then unlinked and recreated no longer counts as that lock.
TEST_F(EntryLock, ADescriptorOnAReplacedLockFileIsNotTheLock) {
  fs::create_directories(where.directory);
  const std::string path = where.directory + "/00aa.lock";
  std::ofstream(path) << "";
  const int old_fd = ::open(path.c_str(), O_RDWR);
  ASSERT_GE(old_fd, 0);
  EXPECT_TRUE(lock_file_still_linked(old_fd, path));
  fs::remove(path);
  std::ofstream(path) << "";
  EXPECT_FALSE(lock_file_still_linked(old_fd, path));
  ::close(old_fd);
}

} // namespace
} // namespace cachepy::detail
