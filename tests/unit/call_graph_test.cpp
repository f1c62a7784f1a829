#include "scratch_dir.hpp"
#include "test_site.hpp"

#include <cachepy/api.hpp>

#include "graph/call_graph.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace cachepy::detail {
namespace {

TEST(CallGraph, NestedCallsBecomeEdgesInMemoryAndOnDisk) {
  const cachepy::testing::scratch_dir scratch("graph");
  const std::string &dir = scratch.path();
  const function_site parent_site = cachepy::testing::test_site("graph_test::parent", "p", {1, 1});
  const function_site child_site = cachepy::testing::test_site("graph_test::child", "c", {2, 2});

  const call_graph_node parent(parent_site, key{1, 1}, dir);
  {
    const auto running = parent.executing();
    const call_graph_node child(child_site, key{2, 2}, dir);
    const call_graph_node again(child_site, key{2, 2}, dir); // the same edge once
  }
  const call_graph_node after(child_site, key{3, 3}, dir); // parent no longer running

  const auto nodes = cache_tree_nodes();
  const node &p = nodes.at(parent.id());
  EXPECT_EQ(p.fname, "graph_test::parent");
  EXPECT_EQ(p.children.size(), 1u);
  EXPECT_TRUE(nodes.at(after.id()).parents.empty());

  std::ifstream file(dir + "/graph.tsv");
  std::string line, all;
  int lines = 0;
  while (std::getline(file, line)) {
    ++lines;
    all += line;
  }
  EXPECT_EQ(lines, 1);
  const std::string child_id = "graph_test::child:" + key{2, 2}.hex().substr(0, 16);
  EXPECT_EQ(all, parent.id() + "\t" + child_id);
}

} // namespace
} // namespace cachepy::detail
