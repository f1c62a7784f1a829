// The runtime's side of the rewrite's contract (cachepy/detail/rewrite_contract.hpp):
// every name the plugin spells is declared by what the rewritten code includes, and a
// site keeps each field where the rewrite passed it.

#include <cachepy/rewritten.hpp>

#include <gtest/gtest.h>

#include <type_traits>

// A name the runtime renames or drops but the contract still lists fails here, in the
// runtime's build, rather than in every rewritten translation unit.
namespace cachepy_contract_names {
#define CACHEPY_DECLARED(name) using ::cachepy::detail::name;
CACHEPY_REWRITE_NAMES(CACHEPY_DECLARED)
#undef CACHEPY_DECLARED
} // namespace cachepy_contract_names

namespace cachepy::detail {
namespace {

#define CACHEPY_FORMAT_DECLARED(name) static_cast<void>(format_choice::name);
TEST(RewriteContract, EveryFormatTheAttributeNamesIsAChoice) {
  static_cast<void>(format_choice::configured);
  CACHEPY_REWRITE_FORMATS(CACHEPY_FORMAT_DECLARED)
}
#undef CACHEPY_FORMAT_DECLARED

// The rewrite's fields, each a type of its own: one swapped for another does not convert.
static_assert(!std::is_convertible_v<site_field::ast_hash_low, site_field::ast_hash_high>);
static_assert(!std::is_convertible_v<site_field::identity, site_field::qualified_name>);
static_assert(!std::is_convertible_v<unsigned long long, site_field::layout>,
              "a bare number is no field: the rewrite names each");
static_assert(!std::is_default_constructible_v<site_field::record_name>,
              "a field the plugin leaves empty does not compile");

TEST(RewriteContract, ASiteKeepsEachFieldWhereTheRewritePassedIt) {
  const function_site site(rewrite_abi<CACHEPY_REWRITE_ABI>{}, site_field::qualified_name{"ns::f"},
                           site_field::identity{"_ZN2ns1fEi"}, site_field::ast_hash_high{1},
                           site_field::ast_hash_low{2}, site_field::record_name{0},
                           site_field::layout{3}, site_field::version{"v4"},
                           site_field::verbose{true}, site_field::max_age_seconds{5});
  EXPECT_EQ(site.qualified_name, "ns::f");
  EXPECT_EQ(site.code_hash, (key{1, 2}));
  EXPECT_EQ(site.ast_hash, (key{1, 2}));
  EXPECT_EQ(site.layout, 3u);
  EXPECT_EQ(site.version, "v4");
  EXPECT_TRUE(site.verbose);
  EXPECT_EQ(site.max_age_seconds, 5u);
  EXPECT_EQ(site.directory_name().substr(0, 5), "ns.f-");
}

} // namespace
} // namespace cachepy::detail
