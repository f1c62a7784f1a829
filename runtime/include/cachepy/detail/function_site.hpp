#ifndef CACHEPY_DETAIL_FUNCTION_SITE_HPP
#define CACHEPY_DETAIL_FUNCTION_SITE_HPP

// What the plugin knows about one cached function, built once (a function-local static
// in the rewritten body) so that per-call work depends only on the arguments. It is
// trivially destructible, so that it is never destroyed: a call from a static
// destructor or an atexit handler may come after the program's statics are gone.

#include "key.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace cachepy::detail {

// How values are stored. `configured` defers to the configuration at run time.
enum class value_format : std::uint32_t { binary = 1, portable_binary = 2, json = 3 };
enum class format_choice { configured, binary, portable_binary, json };

const char *format_name(value_format format);
bool parse_format(std::string_view name, value_format &format);

struct function_site {
  // qualified_name: for logs and the entry directory; identity: the mangled name, or
  // __PRETTY_FUNCTION__ for templates so each instantiation is its own function. The
  // strings are the plugin's literals: the site keeps views of them. record_name: the
  // name of the function's own call record (plugin/CallRecords.h), which the loaded
  // program and libraries may hold; 0 for templates. layout: the shape of the types
  // it stores and hashes (plugin/StoredTypes.h), 0 when the plugin judged none.
  function_site(const char *qualified_name, const char *identity,
                std::uint64_t ast_hash_high, std::uint64_t ast_hash_low,
                std::uint64_t record_name, std::uint64_t layout, const char *version,
                bool verbose, std::uint64_t max_age_seconds = 0);

  std::string_view qualified_name;
  key code_hash; // the plugin's: the function and what it reaches in its translation unit
  key ast_hash;  // code_hash with the records reachable from its own folded in
  std::uint64_t layout;
  std::string_view version;
  key hash; // format version, identity, AST hash, layout, version
  bool verbose;
  std::uint64_t max_age_seconds; // the attribute's max_age; 0: the configuration's

  // The sanitized name + identity hash: "ns.transform-1a2b3c4d".
  std::string_view directory_name() const { return {directory_, directory_size_}; }

private:
  static constexpr std::size_t max_name_length = 64;
  char directory_[max_name_length + 9]; // '-' and 8 hex digits
  std::size_t directory_size_;
};
static_assert(std::is_trivially_destructible_v<function_site>,
              "a site must outlive the calls made at exit");

} // namespace cachepy::detail

#endif
