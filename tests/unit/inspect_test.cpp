// The listing of a cache directory takes only what the runtime writes, by exact name
// and file type: anything else (a folder named like an entry, a symbolic link where a
// function directory or an entry should be, a FIFO) makes the directory foreign, and
// nothing under it is read. The call graph is read as bytes anyone may have written.

#include "scratch_dir.hpp"

#include "storage/local/inspect.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

namespace cachepy {
namespace {

namespace fs = std::filesystem;

class Inspect : public ::testing::Test {
protected:
  void SetUp() override {
    fs::create_directories(dir + "/f-01234567");
    touch("/f-01234567/0123456789abcdef0123456789abcdef.cpy");
  }
  void touch(const std::string &name, const std::string &text = "") {
    std::ofstream(dir + name) << text;
  }
  // The path the listing names as foreign, or "" when it has none.
  std::string foreign() {
    const detail::cache_listing listing = detail::list_cache(dir);
    return listing.foreign.empty() ? "" : listing.foreign.front();
  }

  cachepy::testing::scratch_dir scratch{"inspect"};
  const std::string &dir = scratch.path();
};

TEST_F(Inspect, TheRuntimesOwnNamesBelong) {
  for (const char *name :
       {"manifest", "hits.log", "0123456789abcdef0123456789abcdef.lock",
        "0123456789abcdef0123456789abcdef.computing",
        "0123456789abcdef0123456789abcdef.cpy.tmp.host.a.b.42.0123456789abcdef",
        "manifest.tmp.h.1.fedcba9876543210", "hits.log.tmp.h.7.0000000000000000"})
    touch(std::string("/f-01234567/") + name);
  fs::create_directories(dir + "/ns.transform_int_-89abcdef");
  touch("/graph.tsv");
  const detail::cache_listing listing = detail::list_cache(dir);
  EXPECT_TRUE(listing.foreign.empty()) << listing.foreign.front();
  ASSERT_EQ(listing.functions.size(), 2u);
}

TEST_F(Inspect, NamesTheRuntimeDoesNotMakeAreForeign) {
  for (const char *name :
       {"/f-01234567/0123456789abcdef0123456789abcdef.d",
        "/f-01234567/0123456789abcdef0123456789abcdef.cpy.bak", "/f-01234567/manifest.tmp.",
        "/f-01234567/hits.log.tmp.h.x.0123456789abcdef",
        "/f-01234567/0123456789ABCDEF0123456789abcdef.cpy", "/graph.tsv.old"}) {
    touch(name);
    EXPECT_EQ(foreign(), dir + name);
    fs::remove(dir + name);
  }
  for (const char *name : {"/a b-01234567", "/f-0123456A", "/-01234567", "/f-012345678"}) {
    fs::create_directory(dir + name);
    EXPECT_EQ(foreign(), dir + name);
    fs::remove(dir + name);
  }
  EXPECT_EQ(foreign(), "");
}

// A name someone else chose is printed with its control bytes escaped: an escape
// sequence there would drive the terminal of whoever runs `cachepy ls`.
TEST_F(Inspect, AForeignNameIsPrintedWithoutItsControlBytes) {
  fs::create_directory(dir + "/evil\x1b[31m\n-0badcafe");
  try {
    detail::open_cache(dir);
    FAIL() << "a foreign directory was opened";
  } catch (const std::runtime_error &error) {
    const std::string message = error.what();
    EXPECT_EQ(message.find('\x1b'), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    EXPECT_NE(message.find("evil\\x1b[31m\\x0a-0badcafe"), std::string::npos) << message;
  }
}

TEST_F(Inspect, AFolderNamedLikeAnEntryIsForeignAndNotEntered) {
  const std::string folder = dir + "/build-0badcafe/0123456789abcdef0123456789abcdef.d";
  fs::create_directories(folder);
  touch("/build-0badcafe/0123456789abcdef0123456789abcdef.d/main.cpp", "int main() {}");
  EXPECT_EQ(foreign(), folder);
}

TEST_F(Inspect, SymbolicLinksAreForeignAndNotFollowed) {
  fs::create_directories(dir + "/../inspect-elsewhere-" + std::to_string(::getpid()));
  const std::string elsewhere = dir + "/../inspect-elsewhere-" + std::to_string(::getpid());
  std::ofstream(elsewhere + "/00000000000000000000000000000001.cpy") << "x";
  fs::create_directory_symlink(elsewhere, dir + "/g-89abcdef");
  EXPECT_EQ(foreign(), dir + "/g-89abcdef");
  fs::remove(dir + "/g-89abcdef");
  fs::create_symlink(elsewhere + "/00000000000000000000000000000001.cpy",
                     dir + "/f-01234567/00000000000000000000000000000002.cpy");
  EXPECT_EQ(foreign(), dir + "/f-01234567/00000000000000000000000000000002.cpy");
  fs::remove_all(elsewhere);
}

TEST_F(Inspect, AFifoIsForeignAndNeverOpened) {
  ASSERT_EQ(::mkfifo((dir + "/f-01234567/hits.log").c_str(), 0600), 0);
  EXPECT_EQ(foreign(), dir + "/f-01234567/hits.log");
  fs::remove(dir + "/f-01234567/hits.log");
  ASSERT_EQ(::mkfifo((dir + "/graph.tsv").c_str(), 0600), 0);
  EXPECT_EQ(foreign(), dir + "/graph.tsv");
  EXPECT_TRUE(detail::read_call_graph(dir).edges.empty()); // returns, no hang
}

TEST_F(Inspect, MalformedGraphLinesAreSkippedAndCounted) {
  touch("/graph.tsv", "a:0000000000000001\tb:0000000000000002\n"
                      "no tab\n"
                      "a:0000000000000001\tb:00000000000000\x1b[2J\n"
                      "a:" + std::string(1 << 20, 'x') + ":0000000000000001\tb:0000000000000002\n"
                      "a\tb:0000000000000002\n"
                      "a:000000000000000G\tb:0000000000000002\n"
                      ":0000000000000001\tb:0000000000000002\n"
                      "a:0000000000000001\tb:0000000000000002\tc:0000000000000003\n"
                      "a:0000000000000001\tb:0000000000000002\n"
                      "b:0000000000000002\tc:0000000000000003");
  const detail::call_graph_file graph = detail::read_call_graph(dir);
  const std::vector<std::pair<std::string, std::string>> expected{
      {"a:0000000000000001", "b:0000000000000002"}, {"b:0000000000000002", "c:0000000000000003"}};
  EXPECT_EQ(graph.edges, expected);
  EXPECT_EQ(graph.malformed, 7u);
}

} // namespace
} // namespace cachepy
