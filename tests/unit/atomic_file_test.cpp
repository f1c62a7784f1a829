#include "scratch_dir.hpp"

#include "storage/local/atomic_file.hpp"
#include "util/file_io.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unistd.h>

namespace cachepy::detail {
namespace {

std::string contents(const std::string &path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> names_in(const std::string &dir) {
  std::vector<std::string> names;
  for (const auto &file : std::filesystem::directory_iterator(dir))
    names.push_back(file.path().filename());
  return names;
}

class AtomicFile : public ::testing::Test {
protected:
  const cachepy::testing::scratch_dir scratch{"atomic-file"};
  std::string path = scratch.path() + "/manifest";
  void SetUp() override { std::filesystem::create_directories(scratch.path()); }
};

TEST_F(AtomicFile, ReplacesTheOldFileByRenamingTheNewOneOverIt) {
  std::ofstream(path) << "old";
  // A reader that opened the old file keeps reading it whole: the file was replaced,
  // not rewritten in place.
  const int reader = ::open(path.c_str(), O_RDONLY);
  ASSERT_GE(reader, 0);
  for (durability level : {durability::none, durability::file, durability::full}) {
    EXPECT_EQ(write_atomically(path, "new"), atomic_write::done);
    EXPECT_EQ(write_atomically(path, [](int fd) { return write_exactly(fd, "synced", 6); },
                               level),
              atomic_write::done);
    EXPECT_EQ(contents(path), "synced");
  }
  std::string old;
  EXPECT_TRUE(read_to_end(reader, old));
  EXPECT_EQ(old, "old");
  ::close(reader);
  EXPECT_EQ(names_in(scratch.path()), std::vector<std::string>{"manifest"});
}

TEST_F(AtomicFile, AFailedWriteLeavesNoTemporaryAndNoTarget) {
  const auto out_of_space = [](int fd) {
    write_exactly(fd, "part", 4);
    errno = ENOSPC;
    return false;
  };
  EXPECT_EQ(write_atomically(path, out_of_space), atomic_write::not_written);
  EXPECT_EQ(errno, ENOSPC); // for the warning
  EXPECT_TRUE(names_in(scratch.path()).empty());

  std::ofstream(path) << "old";
  EXPECT_EQ(write_atomically(path, out_of_space, durability::full), atomic_write::not_written);
  EXPECT_THROW(write_atomically(path, [](int) -> bool { throw std::runtime_error("value"); }),
               std::runtime_error);
  EXPECT_EQ(contents(path), "old");
  EXPECT_EQ(names_in(scratch.path()), std::vector<std::string>{"manifest"});
}

TEST_F(AtomicFile, AFailedRenameLeavesNoTemporary) {
  std::filesystem::create_directory(path + ".d");
  std::ofstream(path + ".d/inside") << "keeps the directory from being replaced";
  EXPECT_EQ(write_atomically(path + ".d", "text"), atomic_write::not_written);
  EXPECT_EQ(errno, EISDIR);
  EXPECT_EQ(names_in(scratch.path()), std::vector<std::string>{"manifest.d"});
}

TEST_F(AtomicFile, ADirectoryThatRefusesTheTemporaryIsNotCreated) {
  EXPECT_EQ(write_atomically(scratch.path() + "/missing/manifest", "text"),
            atomic_write::not_created);
  EXPECT_EQ(errno, ENOENT);
  EXPECT_TRUE(names_in(scratch.path()).empty());
}

} // namespace
} // namespace cachepy::detail
