#include <cachepy/detail/key.hpp>

#include <gtest/gtest.h>

namespace cachepy::detail {
namespace {

TEST(Key, HexIsThirtyTwoLowercaseDigitsHighHalfFirst) {
  EXPECT_EQ((key{0x0123456789abcdefULL, 0x00000000000000ffULL}.hex()),
            "0123456789abcdef00000000000000ff");
}

TEST(SiteHash, DependsOnIdentityAstHashLayoutAndVersion) {
  const key base = site_hash("_Z1fi", 1, 2, 0, "");
  EXPECT_EQ(base, site_hash("_Z1fi", 1, 2, 0, ""));
  EXPECT_NE(base, site_hash("_Z1fd", 1, 2, 0, ""));
  EXPECT_NE(base, site_hash("_Z1fi", 1, 3, 0, ""));
  EXPECT_NE(base, site_hash("_Z1fi", 0, 2, 0, ""));
  EXPECT_NE(base, site_hash("_Z1fi", 1, 2, 0, "2.0"));
  EXPECT_NE(base, site_hash("_Z1fi", 1, 2, 7, "")); // a stored type changed
}

TEST(DeriveKey, DependsOnTheSiteAndEveryArgument) {
  const key site = site_hash("_Z1fii", 1, 2, 0, "");
  const key other_site = site_hash("_Z1gii", 1, 2, 0, "");
  EXPECT_EQ(derive_key(site, 1, 2), derive_key(site, 1, 2));
  EXPECT_NE(derive_key(site, 1, 2), derive_key(site, 2, 1));
  EXPECT_NE(derive_key(site, 1, 2), derive_key(site, 1, 3));
  EXPECT_NE(derive_key(site, 1, 2), derive_key(other_site, 1, 2));
}

} // namespace
} // namespace cachepy::detail
