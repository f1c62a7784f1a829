#ifndef CACHEPY_DETAIL_CALL_HPP
#define CACHEPY_DETAIL_CALL_HPP

// The entry point of every rewritten function: derive the key, return the stored
// result on a hit, otherwise run the body and store what it returns. The cache never
// takes the program down: any failure of the store degrades to running the body.

#include "cache_dir.hpp"
#include "call_graph.hpp"
#include "call_mode.hpp"
#include "entry_lock.hpp"
#include "function_site.hpp"
#include "hit_counter.hpp"
#include "key.hpp"
#include "key_parts.hpp"
#include "logging.hpp"
#include "miss_reason.hpp"
#include "serializable.hpp"
#include "settings.hpp"
#include "store.hpp"
#include "value_codec.hpp"

#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace cachepy::detail {

void log_event(const function_site &site, const key &k, std::string_view event);

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

// Calls f with the entry's format as a compile-time constant. Only the formats a call
// site can use are instantiated: the one its attribute names, or all three when the
// configuration decides (then `configured` picks).
template <backend_choice Choice, class F> decltype(auto) with_format(backend configured, F &&f) {
  using binary = std::integral_constant<backend, backend::binary>;
  using portable_binary = std::integral_constant<backend, backend::portable_binary>;
  using json = std::integral_constant<backend, backend::json>;
  if constexpr (Choice == backend_choice::binary)
    return f(binary{});
  else if constexpr (Choice == backend_choice::portable_binary)
    return f(portable_binary{});
  else if constexpr (Choice == backend_choice::json)
    return f(json{});
  else if (configured == backend::portable_binary)
    return f(portable_binary{});
  else if (configured == backend::json)
    return f(json{});
  else
    return f(binary{});
}

template <backend_choice Choice, class Body, class... Args>
std::invoke_result_t<Body &> call_cached(const function_site &site, const cache_dir_arg &dir,
                                         const key &dependencies, Body &body,
                                         const Args &...args) {
  using result_type = std::invoke_result_t<Body &>;
  using stored_type =
      std::conditional_t<std::is_void<result_type>::value, void_marker, result_type>;

  const call_mode mode = take_call_mode();
  const std::shared_ptr<const settings> config = current_settings();
  if (config->disabled)
    return body();

  const backend format =
      with_format<Choice>(config->format, [](auto format) { return decltype(format)::value; });
  const key context = derive_key(site.hash, static_cast<std::uint32_t>(format),
                                 dependencies, config_env_hash(*config));
  const key k = derive_key(context, args...);
  const std::string_view cache_dir = dir.resolve(config->default_cache_dir);
  const entry_address where = address_of(cache_dir, site.directory_name, k);
  const bool verbose = site.verbose || config->verbose;
  const call_graph_node node(site, k, cache_dir);

  // A hit: the entry is read without any lock (entries appear whole, by rename).
  std::string reason = "forced";
  auto stored = [&]() -> std::optional<stored_type> {
    std::string payload;
    const load_result loaded = load_entry(where, k, format, payload);
    if (loaded == load_result::hit) {
      try {
        stored_type value{};
        with_format<Choice>(format, [&](auto resolved) {
          decode_value<decltype(resolved)::value>(payload, value);
        });
        return value;
      } catch (const std::exception &error) {
        log_warning_once("decode:" + where.file, "unreadable entry " + where.file + " (" +
                                                     error.what() + "); recomputing");
        reason = "unreadable entry";
      }
    } else if (loaded == load_result::damaged) {
      reason = "damaged entry";
    } else if (verbose) {
      reason = miss_reason(site, where.directory, context);
    }
    return std::nullopt;
  };
  auto hit = [&](stored_type &&value) -> result_type {
    count_hit(where);
    if (verbose)
      log_event(site, k, "hit");
    if constexpr (!std::is_void<result_type>::value)
      return std::move(value);
  };
  if (mode != call_mode::force)
    if (std::optional<stored_type> value = stored())
      return hit(std::move(*value));

  // A miss: one thread or process computes, the others wait and then read.
  const entry_lock computing = entry_lock::acquire(where, config->lock_timeout_seconds);
  if (mode != call_mode::force)
    if (std::optional<stored_type> value = stored()) // a peer computed it meanwhile
      return hit(std::move(*value));
  if (verbose)
    log_event(site, k, "miss (" + reason + "), executing");

  auto store = [&](const stored_type &value) {
    if (mode == call_mode::skip_save)
      return;
    try {
      std::string payload = with_format<Choice>(
          format, [&](auto resolved) { return encode_value<decltype(resolved)::value>(value); });
      save_entry(where, k, format, payload, config->sync);
      note_stored(site, where.directory, context);
    } catch (const std::exception &error) {
      log_warning("cannot serialize the result of " + site.qualified_name + ": " +
                  error.what());
    }
  };

  const auto running = node.executing();
  if constexpr (std::is_void<result_type>::value) {
    body();
    store(void_marker{});
  } else {
    result_type value = body();
    store(value);
    return value;
  }
}

template <backend_choice Choice = backend_choice::configured, class Body, class... Args>
std::invoke_result_t<Body &> call(const function_site &site, const cache_dir_arg &dir,
                                  const key &dependencies, Body &&body,
                                  const Args &...args) {
  using result_type = std::invoke_result_t<Body &>;
  static_cast<void>(sizeof(result_check<result_type>)); // the readable errors
  static_cast<void>((sizeof(argument_check<Args>) + ... + 0));
  constexpr bool usable =
      is_usable_result<result_type>() && (is_hashable_argument<Args>::value && ...);
  if constexpr (!usable)
    return body();
  else
    return call_cached<Choice>(site, dir, dependencies, body, args...);
}

} // namespace cachepy::detail

#endif
