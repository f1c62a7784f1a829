#ifndef CACHEPY_TESTS_STORE_TEXT_HPP
#define CACHEPY_TESTS_STORE_TEXT_HPP

// The store with plain text for a payload, for tests of the store itself.

#include "storage/local/local_storage.hpp"

#include <fstream>
#include <istream>
#include <iterator>
#include <optional>
#include <ostream>
#include <string>

namespace cachepy::testing {

inline std::optional<std::uint64_t> save_text(const detail::entry_address &where,
                                              const detail::key &k, const std::string &text,
                                              detail::value_format format = detail::value_format::binary) {
  const detail::storage_outcome<std::uint64_t> stored =
      detail::save_entry(where, k, format, [&](std::ostream &out) { out << text; });
  return stored.failure ? std::nullopt : std::optional<std::uint64_t>(stored.value);
}

inline detail::load_result load_text(const detail::entry_address &where, const detail::key &k,
                                     std::string &text,
                                     detail::value_format format = detail::value_format::binary) {
  return detail::load_entry(where, k, format, [&](std::istream &in, std::uint64_t) {
           text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
         }).result;
}

// Every byte of the file at `path`, as a test reads them back.
inline std::string file_bytes(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The exact bytes of an entry for k holding text, as another machine makes them.
inline std::string entry_text_bytes(const detail::key &k, const std::string &text,
                                    detail::value_format format = detail::value_format::binary) {
  return detail::encode_entry(k, format, [&](std::ostream &out) { out << text; });
}

} // namespace cachepy::testing

#endif
