#ifndef CACHEPY_DETAIL_CALL_HPP
#define CACHEPY_DETAIL_CALL_HPP

// The entry point of every rewritten function: derive the key, return the stored
// result on a hit, otherwise run the body and store what it returns. The cache never
// takes the program down: any failure of the store degrades to running the body.

#include "call_engine.hpp"
#include "call_mode.hpp"
#include "copies_deeply.hpp"
#include "key.hpp"
#include "key_parts.hpp"
#include "number_arrays.hpp"
#include "object_state.hpp"
#include "serializable.hpp"
#include "value_codec.hpp"

#include <cstdlib>
#include <optional>
#include <type_traits>
#include <utility>

namespace cachepy::detail {

// The plugin's first, unreachable return in a function with a deduced return type.
template <class T> [[noreturn]] T unreachable() { std::abort(); }

template <class T>
struct is_mutable_lvalue_reference
    : std::bool_constant<std::is_lvalue_reference<T>::value &&
                         !std::is_const<std::remove_reference_t<T>>::value> {};

// Stored for void functions: a hit then means "the body already ran for these arguments".
struct void_marker {
  template <class Archive> void serialize(Archive &) {}
};
template <> struct copies_deeply<void_marker> : std::true_type {};

// One call of a cached function: its body, and the slot the engine fills.
template <class Stored, class Body> struct typed_call {
  Body &body;
  std::optional<Stored> slot;

  static typed_call &of(void *call) { return *static_cast<typed_call *>(call); }
  static const typed_call &of(const void *call) { return *static_cast<const typed_call *>(call); }

  static void run_body(void *call) {
    typed_call &c = of(call);
    if constexpr (std::is_same<Stored, void_marker>::value) {
      c.body();
      c.slot.emplace();
    } else {
      c.slot.emplace(c.body());
    }
  }
  static void decode(void *call, value_format format, std::istream &in, std::uint64_t size) {
    if constexpr (constructs_derived<Stored>) {
      // An aggregate without a default constructor, built from its members as read.
      decode_value(in, format, size, [&](value_reader &archive) {
        of(call).slot.emplace(construct_value<Stored>(archive));
      });
    } else {
      Stored &value = of(call).slot.emplace();
      if constexpr (is_byte_array<Stored>)
        if (format == value_format::binary)
          return read_array(in, value, size);
      decode_value(in, format, size, [&](value_reader &archive) { archive(value); });
    }
  }
  static void encode(const void *call, value_format format, std::ostream &out) {
    const Stored &value = *of(call).slot;
    encode_value(out, format, [&](value_writer &archive) { archive(value); });
  }
  static const void *keep(const void *call) {
    if constexpr (keepable)
      return new Stored(copy_of(*of(call).slot));
    else
      return nullptr;
  }
  static void forget(const void *kept) { delete static_cast<const Stored *>(kept); }
  static void restore(void *call, const void *kept) {
    if constexpr (keepable)
      of(call).slot.emplace(copy_of(*static_cast<const Stored *>(kept)));
  }

  static constexpr bool keepable = copies_deeply<std::remove_cv_t<Stored>>::value &&
                                   std::is_copy_constructible<Stored>::value;
  static constexpr result_ops ops{&type_tag<Stored>::id, run_body, decode, encode,
                                  keepable ? keep : nullptr, keepable ? forget : nullptr, restore,
                                  is_byte_array<Stored>};
};

template <class Body, class... Args>
std::invoke_result_t<Body &> call_cached(format_choice choice, const function_site &site,
                                         const cache_dir_arg &dir,
                                         const call_context &context, Body &body,
                                         const Args &...args) {
  using result_type = std::invoke_result_t<Body &>;
  using stored_type =
      std::conditional_t<std::is_void<result_type>::value, void_marker, result_type>;
  key arguments;
  if (caching_disabled() ||
      !hash_arguments(site, context,
                      [&](value_writer &archive) { (archive(hashable(args)), ...); },
                      arguments)) {
    take_call_mode(); // force/skip_save still apply to this call only
    return body();
  }
  using call_type = typed_call<stored_type, Body>;
  call_type call{body, std::nullopt};
  run_cached_call(site, dir, context.hash, arguments, choice, call_type::ops, &call);
  if constexpr (!std::is_void<result_type>::value)
    return std::move(*call.slot);
}

template <format_choice Choice = format_choice::configured, class Body, class... Args>
std::invoke_result_t<Body &> call(const function_site &site, const cache_dir_arg &dir,
                                  const call_context &context, Body &&body,
                                  const Args &...args) {
  using result_type = std::invoke_result_t<Body &>;
  static_cast<void>(sizeof(result_check<result_type>)); // the readable errors
  static_cast<void>((sizeof(argument_check<Args>) + ... + 0));
  constexpr bool usable =
      is_usable_result<result_type>() && (is_hashable_argument<Args>::value && ...);
  if constexpr (!usable)
    return body();
  else
    return call_cached(Choice, site, dir, context, body, args...);
}

} // namespace cachepy::detail

#endif
