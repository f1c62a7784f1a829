#include <cachepy/detail/function_site.hpp>

#include <gtest/gtest.h>

namespace cachepy::detail {
namespace {

// root calls middle (another file), which calls leaf and, recursively, root.
struct record_graph {
  record_callee leaf_callees[1] = {{nullptr, "plain_helper"}};
  function_record leaf{5, 6, 1, leaf_callees};
  record_callee middle_callees[2] = {{&leaf, "leaf"}, {nullptr, "root"}};
  function_record middle{3, 4, 2, middle_callees};
  record_callee root_callees[1] = {{&middle, "middle"}};
  function_record root{1, 2, 1, root_callees};

  record_graph() { middle_callees[1].record = &root; }
};

key site_ast_hash(const function_record *record) {
  return function_site("root", "_Z4rootv", 10, 20, record, "", false).ast_hash;
}

TEST(CallRecords, WithoutRecordOrCalleesTheKeyIsThePluginsHash) {
  const function_record alone{1, 2, 0, nullptr};
  EXPECT_EQ(site_ast_hash(nullptr), (key{10, 20}));
  EXPECT_EQ(site_ast_hash(&alone), (key{10, 20}));
}

TEST(CallRecords, AChangeAnywhereReachableChangesTheKeyAndARevertRestoresIt) {
  record_graph graph;
  const key original = site_ast_hash(&graph.root);
  EXPECT_NE(original, (key{10, 20}));
  graph.leaf.ast_hash_low = 7; // two levels down
  const key edited = site_ast_hash(&graph.root);
  EXPECT_NE(edited, original);
  graph.leaf.ast_hash_low = 6;
  EXPECT_EQ(site_ast_hash(&graph.root), original);
  // The walk starts at the root's callees: its own hash is the plugin's, already given.
  graph.root.ast_hash_low = 99;
  EXPECT_EQ(site_ast_hash(&graph.root), original);
}

TEST(CallRecords, TheOrderOfCalleesDoesNotMatter) {
  record_graph graph;
  const key original = site_ast_hash(&graph.root);
  std::swap(graph.middle_callees[0], graph.middle_callees[1]);
  EXPECT_EQ(site_ast_hash(&graph.root), original);
}

TEST(CallRecords, VerboseSitesNameTheCalleesWithoutRecordOnce) {
  record_graph graph;
  testing::internal::CaptureStderr();
  function_site("root", "_Z4rootv", 10, 20, &graph.root, "", true);
  EXPECT_EQ(testing::internal::GetCapturedStderr(),
            "cachepy: root: changes to plain_helper() are not seen (compiled without the "
            "cachepy plugin)\n");
}

} // namespace
} // namespace cachepy::detail
