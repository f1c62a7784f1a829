#ifndef CACHEPY_DETAIL_FUNCTION_SITE_HPP
#define CACHEPY_DETAIL_FUNCTION_SITE_HPP

// What the plugin knows about one cached function, built once (a function-local static
// in the rewritten body) so that per-call work depends only on the arguments. It is
// trivially destructible, so that it is never destroyed: a call from a static
// destructor or an atexit handler may come after the program's statics are gone.

#include "key.hpp"
#include "rewrite_contract.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace cachepy::detail {

// How values are stored. `configured` defers to the configuration at run time.
enum class value_format : std::uint32_t { binary = 1, portable_binary = 2, json = 3 };
#define CACHEPY_FORMAT_CHOICE(name) , name
enum class format_choice { configured CACHEPY_REWRITE_FORMATS(CACHEPY_FORMAT_CHOICE) };
#undef CACHEPY_FORMAT_CHOICE

const char *format_name(value_format format);
bool parse_format(std::string_view name, value_format &format);

// The first argument of every site: the ABI number of the plugin that wrote it, checked
// against these headers' once per translation unit. The check is in the constructor,
// not the class, so that the class stays whole and this is the one error.
struct rewrite_abi_tag {};
template <unsigned Abi> struct rewrite_abi : rewrite_abi_tag {
  constexpr rewrite_abi() {
    static_assert(Abi == CACHEPY_REWRITE_ABI,
                  "cachepy: this code was rewritten by a cachepy plugin of another version "
                  "than these runtime headers; compile it with the plugin installed with them");
  }
};

// The site's fields, one type each (rewrite_contract.hpp: CACHEPY_SITE_FIELDS), so
// that the rewrite names every argument and the compiler checks each against its
// parameter (C++17 has no designated initializers). The constructors are explicit,
// so that `site_field::layout{}` (a field the plugin left empty) is an error too. A
// struct, not a namespace: one declaration, as every name of the contract is.
struct site_field {
#define CACHEPY_SITE_FIELD_TYPE(name, type)                                                        \
  struct name {                                                                                    \
    constexpr explicit name(type v) : value(v) {}                                                  \
    type value;                                                                                    \
  };
  CACHEPY_SITE_FIELDS(CACHEPY_SITE_FIELD_TYPE)
#undef CACHEPY_SITE_FIELD_TYPE
};

// A site's constructor's parameters after the ABI's, in the contract's order.
#define CACHEPY_SITE_PARAMETER(name, type) , site_field::name name

struct function_site {
  // The strings are the plugin's literals: the site keeps views of them. The record
  // name is the function's own call record's (plugin/CallRecords.h), which the loaded
  // program and libraries may hold. The layout is plugin/StoredTypes.h's.
  function_site(rewrite_abi_tag CACHEPY_SITE_FIELDS(CACHEPY_SITE_PARAMETER));

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
