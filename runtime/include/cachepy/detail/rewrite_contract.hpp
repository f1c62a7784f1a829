#ifndef CACHEPY_DETAIL_REWRITE_CONTRACT_HPP
#define CACHEPY_DETAIL_REWRITE_CONTRACT_HPP

// What the rewritten code (plugin/FunctionRewriter.cpp, plugin/StoredTypes.cpp) and the
// runtime it calls agree on: the rewrite's ABI number, the runtime names it spells, the
// formats it may choose and the fields of a function's site, in order. Macros only, so
// that the plugin includes it without the runtime and every rewritten translation unit
// parses it for nothing.

// Bumped with any change to what the rewrite passes or what the runtime makes of it.
// Every site passes it (function_site.hpp: rewrite_abi), so that code rewritten by a
// plugin of another number does not compile against these headers, rather than compute
// other keys.
#define CACHEPY_REWRITE_ABI 1

// The runtime's names the rewritten code spells, each ::cachepy::detail::<name>.
#define CACHEPY_REWRITE_NAMESPACE "::cachepy::detail::"
#define CACHEPY_REWRITE_SPELLING(name) CACHEPY_REWRITE_NAMESPACE #name
#define CACHEPY_REWRITE_NAMES(X)                                                                   \
  /* the cached call (call.hpp, function_site.hpp) */                                              \
  X(call) X(function_site) X(rewrite_abi) X(site_field) X(format_choice)                           \
  X(unreachable) X(is_mutable_lvalue_reference) X(object_state_of) X(as_file_argument)             \
  /* what the key depends on besides the arguments (key_parts.hpp) */                              \
  X(context_of) X(file_dependency) X(env_dependency) X(named)                                      \
  /* the serialization derived from a class's definition (derived.hpp) */                          \
  X(derived) X(member_tag) X(member_pointer) X(field) X(bit_field) X(load_member)                  \
  X(value_reader)

// The formats the attribute may name, each a format_choice (beside `configured`).
#define CACHEPY_REWRITE_FORMATS(X) X(binary) X(portable_binary) X(json)

// X(name, type): a site's fields in the order the rewrite passes them, each as
// ::cachepy::detail::site_field::<name>{value}, a type of its own: a field swapped,
// left out or added on one side only is a compile error, not another key.
#define CACHEPY_SITE_FIELDS(X)                                                                     \
  X(qualified_name, const char *)         /* for logs and the entry directory */                   \
  X(identity, const char *)               /* mangled name, or __PRETTY_FUNCTION__ */               \
  X(ast_hash_high, unsigned long long)    /* the plugin's hash of the function */                  \
  X(ast_hash_low, unsigned long long)                                                              \
  X(record_name, unsigned long long)      /* its own call record's name; 0: none */                \
  X(layout, unsigned long long)           /* the shape of the types it stores; 0: none */          \
  X(version, const char *)                /* the attribute's version */                            \
  X(verbose, bool)                        /* the attribute's verbose */                            \
  X(max_age_seconds, unsigned long long)  /* the attribute's max_age; 0: configured */

#endif
