#ifndef CACHEPY_TESTS_TEST_SITE_HPP
#define CACHEPY_TESTS_TEST_SITE_HPP

// A function's site as its rewritten body builds it, with what the runtime's tests
// vary; the rest is a plain function's: no call record, not verbose, no max_age.

#include <cachepy/detail/function_site.hpp>

#include <cstdint>

namespace cachepy::testing {

inline detail::function_site test_site(const char *name, const char *identity, detail::key ast_hash,
                                       const char *version = "", std::uint64_t layout = 0) {
  using field = detail::site_field;
  return detail::function_site(
      detail::rewrite_abi<CACHEPY_REWRITE_ABI>{}, field::qualified_name{name},
      field::identity{identity}, field::ast_hash_high{ast_hash.high},
      field::ast_hash_low{ast_hash.low}, field::record_name{0}, field::layout{layout},
      field::version{version}, field::verbose{false}, field::max_age_seconds{0});
}

} // namespace cachepy::testing

#endif
