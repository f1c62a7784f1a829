#ifndef CACHEPY_TESTS_STORE_TEXT_HPP
#define CACHEPY_TESTS_STORE_TEXT_HPP

// The store with plain text for a payload, for tests of the store itself.

#include "storage/local/local_storage.hpp"

#include <istream>
#include <iterator>
#include <optional>
#include <ostream>
#include <string>

namespace cachepy::testing {

inline std::optional<std::uint64_t> save_text(const detail::entry_address &where,
                                              const detail::key &k, const std::string &text,
                                              detail::backend format = detail::backend::binary) {
  return detail::save_entry(where, k, format, [&](std::ostream &out) { out << text; });
}

inline detail::load_result load_text(const detail::entry_address &where, const detail::key &k,
                                     std::string &text,
                                     detail::backend format = detail::backend::binary) {
  return detail::load_entry(where, k, format, [&](std::istream &in, std::uint64_t) {
           text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
         }).result;
}

} // namespace cachepy::testing

#endif
