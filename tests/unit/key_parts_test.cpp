#include <cachepy/detail/key_parts.hpp>

#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <gtest/gtest.h>

#include <stdexcept>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace cachepy::detail {
namespace {

const std::string scratch = (std::filesystem::temp_directory_path() /
                             ("cachepy-key-parts-" + std::to_string(::getpid())))
                                .native();

TEST(FileArgument, ContentAndPathEnterTheKey) {
  std::ofstream(scratch) << "first";
  const key first = derive_key(key{}, file_argument(scratch));
  EXPECT_EQ(first, derive_key(key{}, file_argument(scratch)));
  std::ofstream(scratch) << "second";
  EXPECT_NE(first, derive_key(key{}, file_argument(scratch)));
  std::ofstream(scratch) << "first";
  EXPECT_EQ(first, derive_key(key{}, file_argument(scratch)));
  std::filesystem::remove(scratch);
  EXPECT_NE(first, derive_key(key{}, file_argument(scratch))); // now missing
}

TEST(FileArgument, AcceptsPathLikeTypes) {
  std::ofstream(scratch) << "x";
  const key by_string = derive_key(key{}, file_argument(scratch));
  EXPECT_EQ(by_string, derive_key(key{}, file_argument(scratch.c_str())));
  EXPECT_EQ(by_string, derive_key(key{}, file_argument(std::filesystem::path(scratch))));
  std::filesystem::remove(scratch);
}

TEST(EnvDependency, UnsetDiffersFromEmpty) {
  ::unsetenv("CACHEPY_KEY_PARTS_VAR");
  const key unset = derive_key(key{}, env_dependency{"CACHEPY_KEY_PARTS_VAR"});
  ::setenv("CACHEPY_KEY_PARTS_VAR", "", 1);
  const key empty = derive_key(key{}, env_dependency{"CACHEPY_KEY_PARTS_VAR"});
  ::setenv("CACHEPY_KEY_PARTS_VAR", "a", 1);
  const key a = derive_key(key{}, env_dependency{"CACHEPY_KEY_PARTS_VAR"});
  EXPECT_NE(unset, empty);
  EXPECT_NE(empty, a);
  ::unsetenv("CACHEPY_KEY_PARTS_VAR");
}

template <class... Parts> key context_hash(const Parts &...parts) {
  const call_context context = context_of(parts...);
  EXPECT_EQ(context.problem, "");
  return context.hash;
}

TEST(NamedDependency, NameAndValueEnterTheKey) {
  const std::vector<int> columns{1, 2};
  EXPECT_EQ(context_hash(named("cols", columns)), context_hash(named("cols", columns)));
  EXPECT_NE(context_hash(named("cols", columns)), context_hash(named("rows", columns)));
  EXPECT_NE(context_hash(named("schema", "v3")), context_hash(named("schema", "v4")));
  // Text hashes alike whatever its type.
  EXPECT_EQ(context_hash(named("schema", "v3")),
            context_hash(named("schema", std::string_view("v3"))));
  EXPECT_EQ(context_hash(named("schema", "v3")),
            context_hash(named("schema", std::string("v3"))));
}

TEST(ContextOf, IsZeroWithoutDependencies) { EXPECT_EQ(context_hash(), key{}); }

struct throws_when_saved {
  template <class Archive> void save(Archive &) const {
    throw std::runtime_error("cannot be saved");
  }
};

TEST(ContextOf, SaysWhyWhenAValueCannotBeHashed) {
  const call_context context = context_of(named("bad", throws_when_saved{}));
  EXPECT_EQ(context.problem, "cannot be saved");
}

} // namespace
} // namespace cachepy::detail
