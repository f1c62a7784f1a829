#ifndef CACHEPY_DETAIL_CALL_HPP
#define CACHEPY_DETAIL_CALL_HPP

// The entry point of every rewritten function: derive the key, return the stored
// result on a hit, otherwise run the body and store what it returns. The cache never
// takes the program down: any failure of the store degrades to running the body.

#include "cache_dir.hpp"
#include "function_site.hpp"
#include "key.hpp"
#include "logging.hpp"
#include "store.hpp"
#include "value_codec.hpp"

#include <exception>
#include <string>
#include <type_traits>
#include <utility>

namespace cachepy::detail {

bool caching_disabled();
void log_event(const function_site &site, const key &k, const char *event);

// Stored for void functions: a hit then means "the body already ran for these arguments".
struct void_marker {
  template <class Archive> void serialize(Archive &) {}
};

template <class Body, class... Args>
std::invoke_result_t<Body &> call(const function_site &site, const cache_dir_arg &dir,
                                  Body &&body, const Args &...args) {
  using result_type = std::invoke_result_t<Body &>;
  static_assert(!std::is_reference<result_type>::value,
                "cachepy: a cached function cannot return a reference");
  using stored_type =
      std::conditional_t<std::is_void<result_type>::value, void_marker, result_type>;

  if (caching_disabled())
    return body();

  const key k = derive_key(site.hash, args...);
  const entry_address where = address_of(dir.resolve(), site.directory_name, k);

  std::string payload;
  if (load_entry(where, k, backend::binary, payload)) {
    try {
      if constexpr (std::is_void<result_type>::value) {
        log_event(site, k, "hit");
        return;
      } else {
        stored_type value{};
        decode_value(payload, value);
        log_event(site, k, "hit");
        return value;
      }
    } catch (const std::exception &error) {
      log_warning(std::string("unreadable entry ") + where.file + " (" +
                  error.what() + "); recomputing");
    }
  }

  log_event(site, k, "miss, executing");
  if constexpr (std::is_void<result_type>::value) {
    body();
    save_entry(where, k, backend::binary, encode_value(void_marker{}));
  } else {
    result_type value = body();
    try {
      save_entry(where, k, backend::binary, encode_value(value));
    } catch (const std::exception &error) {
      log_warning(std::string("cannot serialize the result of ") + site.qualified_name +
                  ": " + error.what());
    }
    return value;
  }
}

} // namespace cachepy::detail

#endif
