#include <cachepy/detail/function_site.hpp>

#include "call_records.hpp"

#include <cctype>
#include <cstring>
#include <string>
#include <xxhash.h>

namespace cachepy::detail {
namespace {

// Function names become directory names: keep letters, digits and '_', turn "::" into
// '.', anything else into '_', and bound the length. Uniqueness comes from the hash.
std::string sanitized(std::string_view name, std::size_t max_length) {
  std::string out;
  for (std::size_t i = 0; i < name.size() && out.size() < max_length; ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (std::isalnum(c) || c == '_') {
      out += static_cast<char>(c);
    } else if (c == ':' && i + 1 < name.size() && name[i + 1] == ':') {
      out += '.';
      ++i;
    } else {
      out += '_';
    }
  }
  return out;
}

} // namespace

function_site::function_site(rewrite_abi_tag CACHEPY_SITE_FIELDS(CACHEPY_SITE_PARAMETER))
    : qualified_name(qualified_name.value),
      // The plugin's AST hash covers this translation unit; the records reachable from
      // the function's own add what it calls elsewhere. Built once per process.
      code_hash{ast_hash_high.value, ast_hash_low.value},
      ast_hash(record_name.value ? with_other_files(code_hash, loaded_records(), record_name.value,
                                                    qualified_name.value, verbose.value)
                                 : code_hash),
      layout(layout.value), version(version.value),
      hash(site_hash(identity.value, ast_hash.high, ast_hash.low, layout.value, version.value)),
      verbose(verbose.value), max_age_seconds(max_age_seconds.value) {
  const std::uint64_t identity_hash = XXH3_64bits(identity.value, std::strlen(identity.value));
  const std::string directory = sanitized(this->qualified_name, max_name_length) + '-' +
                                key{0, identity_hash}.hex().substr(16, 8);
  directory_size_ = directory.copy(directory_, sizeof directory_);
}

} // namespace cachepy::detail
