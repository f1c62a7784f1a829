#ifndef CACHEPY_DETAIL_CALL_ENGINE_HPP
#define CACHEPY_DETAIL_CALL_ENGINE_HPP

// The policy of a cached call, compiled once in the library: the key, the in-process
// layer, the store, single flight, the call graph and the logs. A cached function
// instantiates only what depends on its types (hashing its arguments, serializing its
// result) and hands those to the engine as plain functions.

#include "cache_dir.hpp"
#include "function_ref.hpp"
#include "function_site.hpp"
#include "key.hpp"
#include "key_parts.hpp"
#include "value_archive.hpp"

#include <cstdint>
#include <iosfwd>

namespace cachepy::detail {

// One identity per C++ type, without RTTI: kept values are only given back to the
// type that kept them.
template <class T> struct type_tag {
  static constexpr char id = 0;
};

// One call in progress, seen through its result type; `call` is the caller's state,
// holding the body and a slot for the result.
struct result_ops {
  const void *type; // type_tag<Result>
  void (*run_body)(void *call);                                  // slot = body()
  void (*decode)(void *call, value_format format, std::istream &in, std::uint64_t size); // slot = stored value
  void (*encode)(const void *call, value_format format, std::ostream &out);
  // A copy of the slot, made with new (the library shares it), and its deletion;
  // both null: not kept in memory.
  const void *(*keep)(const void *call);
  void (*forget)(const void *kept);
  void (*restore)(void *call, const void *kept);                 // slot = a kept copy
  bool array; // one block of numbers (is_byte_array), whose copies go into huge pages
};

// The hash of a call's bound arguments, written by `feed`. False, after a warning, when
// they or the call's context could not be hashed (a type whose serialization throws):
// the call then runs uncached.
bool hash_arguments(const function_site &site, const call_context &context,
                    function_ref<void(value_writer &)> feed, key &arguments) noexcept;

// Fills the call's slot: from memory, from the entry, or by running the body (whose
// exception propagates, storing nothing). `arguments` is the hash of the bound
// arguments; `dependencies` that of depends_on_files, depends_on_vars and env_vars.
// $CACHEPY_DISABLE: every cached function runs its body, uncached.
bool caching_disabled();

void run_cached_call(const function_site &site, const cache_dir_arg &dir,
                     const key &dependencies, const key &arguments, format_choice choice,
                     const result_ops &ops, void *call);

} // namespace cachepy::detail

#endif
