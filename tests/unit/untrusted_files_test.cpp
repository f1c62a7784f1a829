// What another local user can plant in a cache directory they created first, or can
// write in: FIFOs, symbolic links, files of names cachepy does not make, a lock held
// forever. None of it may hang the program, or make it follow a link or delete a file
// it did not make; a directory they control is not used at all (directory_trust).

#include "scratch_dir.hpp"
#include "store_text.hpp"
#include "test_site.hpp"

#include "storage/local/directory_trust.hpp"
#include "storage/local/entry_lock.hpp"
#include "storage/local/layout.hpp"
#include "storage/local/miss_reason.hpp"
#include "util/regular_file.hpp"

#include "storage/local/hit_counter.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <future>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace cachepy::detail {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// Runs `step` and says whether it returned within a few seconds; if it did not (it
// blocks on the FIFO at fifo_path), opening and closing the FIFO's other end releases it.
bool returns_promptly(const std::string &fifo_path, const std::function<void()> &step) {
  std::packaged_task<void()> task(step);
  std::future<void> done = task.get_future();
  std::thread runner(std::move(task));
  const bool prompt = done.wait_for(5s) == std::future_status::ready;
  if (!prompt) {
    const int other_end = ::open(fifo_path.c_str(), O_RDWR | O_NONBLOCK);
    std::this_thread::sleep_for(200ms);
    ::close(other_end); // a reader then sees the end of the file
    done.wait();
  }
  runner.join();
  return prompt;
}

class UntrustedFiles : public ::testing::Test {
protected:
  cachepy::testing::scratch_dir scratch{"untrusted"};
  const key k{11, 12};
  entry_address where = address_of(scratch.path(), "f-00000000", k);
  void SetUp() override { fs::create_directories(where.directory); }
  std::string stem() const { return where.file.substr(0, where.file.size() - 4); }
};

TEST_F(UntrustedFiles, AFifoAsTheEntryIsAMissNotAHang) {
  ASSERT_EQ(::mkfifo(where.file.c_str(), 0600), 0);
  std::string text;
  load_result result = load_result::hit;
  EXPECT_TRUE(returns_promptly(where.file, [&] {
    result = cachepy::testing::load_text(where, k, text);
  }));
  EXPECT_EQ(result, load_result::absent);
}

TEST_F(UntrustedFiles, AFifoAsTheComputingFileDoesNotHangTheLock) {
  const std::string computing = stem() + ".computing";
  ASSERT_EQ(::mkfifo(computing.c_str(), 0600), 0);
  EXPECT_TRUE(returns_promptly(computing, [&] { entry_lock::acquire(where, k, 1s); }));
}

TEST_F(UntrustedFiles, AFifoAsTheManifestIsAFirstExecution) {
  const std::string manifest = layout::manifest_file(where.directory);
  ASSERT_EQ(::mkfifo(manifest.c_str(), 0600), 0);
  const function_site site = cachepy::testing::test_site("f", "_Z1fi", {1, 1}, "1");
  std::string reason;
  EXPECT_TRUE(returns_promptly(manifest, [&] {
    reason = miss_reason(site, where.directory, key{});
  }));
  EXPECT_EQ(reason, "first execution");
}

TEST_F(UntrustedFiles, OpenRegularFileRefusesFifosLinksAndDirectories) {
  const std::string fifo = where.directory + "/fifo";
  const std::string link = where.directory + "/link";
  const std::string file = where.directory + "/file";
  std::ofstream(file) << "x";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  fs::create_symlink(file, link);
  EXPECT_EQ(open_regular_file(fifo.c_str()), -1);
  EXPECT_EQ(open_regular_file(link.c_str()), -1);
  EXPECT_EQ(open_regular_file(where.directory.c_str()), -1);
  const int fd = open_regular_file(file.c_str());
  EXPECT_GE(fd, 0);
  ::close(fd);
}

// "thesis.tmp.tex" has ".tmp." in it, but is no name cachepy makes.
TEST_F(UntrustedFiles, DebrisIsOnlyWhatCachepyNames) {
  const std::string thesis = where.directory + "/thesis.tmp.tex";
  const std::string old_lock = where.directory + "/notes.lock";
  for (const std::string &path : {thesis, old_lock}) {
    std::ofstream(path) << "x";
    fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::hours(48));
  }
  EXPECT_EQ(remove_stale_debris(where.directory), 0u);
  EXPECT_TRUE(fs::exists(thesis));
  EXPECT_TRUE(fs::exists(old_lock));
}

TEST_F(UntrustedFiles, TheDebrisCleanerDoesNotFollowASymlinkedDirectory) {
  const std::string home = scratch.path() + "/home";
  fs::create_directories(home);
  const std::string dead = home + "/" + k.hex() + ".cpy.tmp." + layout::this_host() +
                           ".999999999.abcd"; // its writer is gone: debris, were it ours
  std::ofstream(dead) << "x";
  const std::string linked = scratch.path() + "/g-00000000";
  fs::create_directory_symlink(home, linked);
  EXPECT_EQ(remove_stale_debris(linked), 0u);
  EXPECT_TRUE(fs::exists(dead));
}

TEST_F(UntrustedFiles, ASymlinkedFunctionDirectoryIsRefusedEvenWhereListed) {
  const std::string home = scratch.path() + "/home";
  fs::create_directories(home);
  fs::create_directory_symlink(home, scratch.path() + "/g-00000000");
  const std::string problem = cache_directory_problem(scratch.path(), "g-00000000", {"*"});
  EXPECT_NE(problem.find("is a symbolic link"), std::string::npos) << problem;
  EXPECT_EQ(cache_directory_problem(scratch.path(), "f-00000000", {}), "");
}

TEST_F(UntrustedFiles, AWorldWritableDirectoryWithoutTheStickyBitIsRefusedUnlessListed) {
  ::chmod(scratch.path().c_str(), 0777);
  const std::string problem = cache_directory_problem(scratch.path(), "f-00000000", {});
  EXPECT_NE(problem.find("is writable by every user"), std::string::npos) << problem;
  EXPECT_EQ(cache_directory_problem(scratch.path(), "f-00000000", {scratch.path()}), "");
  ::chmod(scratch.path().c_str(), 01777); // like /tmp: another user's function dir is theirs
  EXPECT_EQ(cache_directory_problem(scratch.path(), "f-00000000", {}), "");
  ::chmod(where.directory.c_str(), 01777); // names inside are made by whoever comes first
  EXPECT_NE(cache_directory_problem(scratch.path(), "f-00000000", {}), "");
}

TEST_F(UntrustedFiles, ADirectoryOwnedByAnotherUserIsRefusedUnlessListed) {
  if (::geteuid() != 0)
    GTEST_SKIP() << "giving a directory to another user takes root";
  ASSERT_EQ(::chown(where.directory.c_str(), 65534, 65534), 0); // nobody
  const std::string problem = cache_directory_problem(scratch.path(), "f-00000000", {});
  EXPECT_NE(problem.find("owned by another user (uid 65534)"), std::string::npos) << problem;
  EXPECT_EQ(cache_directory_problem(scratch.path(), "f-00000000", {scratch.path()}), "");
  EXPECT_EQ(cache_directory_problem(scratch.path(), "f-00000000", {"*"}), "");
  ASSERT_EQ(::chown(scratch.path().c_str(), 65534, 65534), 0);
  EXPECT_NE(cache_directory_problem(scratch.path(), "other-00000000", {}), "");
}

TEST_F(UntrustedFiles, ANulInTheCacheDirectoryIsRefusedNotCut) {
  const std::string with_nul = scratch.path() + std::string("\0/elsewhere", 11);
  EXPECT_NE(cache_directory_problem(with_nul, "f-00000000", {"*"}).find("NUL"),
            std::string::npos);
}

// The exit-time flush of hit counts waits for hits.log's lock a bounded time: a
// process holding it forever (or a user's flock(1)) does not keep the program alive.
TEST_F(UntrustedFiles, AHeldHitLogLockDoesNotKeepTheProgramFromExiting) {
  const std::string log = layout::hit_log_file(where.directory);
  std::ofstream(log) << "";
  const int held = ::open(log.c_str(), O_RDWR);
  ASSERT_EQ(::flock(held, LOCK_EX), 0);
  const pid_t child = ::fork();
  if (child == 0) {
    hit_count_of(where.directory, k.hex())->fetch_add(1);
    std::exit(0); // the flush runs here
  }
  int status = 0;
  pid_t ended = 0;
  for (int i = 0; i < 100 && ended == 0; ++i) {
    std::this_thread::sleep_for(100ms);
    ended = ::waitpid(child, &status, WNOHANG);
  }
  if (ended == 0) {
    ::kill(child, SIGKILL);
    ::waitpid(child, &status, 0);
  }
  ::close(held);
  EXPECT_EQ(ended, child) << "the child still waited for hits.log after 10 s";
}

} // namespace
} // namespace cachepy::detail
