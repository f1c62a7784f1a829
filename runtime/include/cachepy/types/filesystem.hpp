#ifndef CACHEPY_TYPES_FILESYSTEM_HPP
#define CACHEPY_TYPES_FILESYSTEM_HPP

// std::filesystem::path for cereal, which has no header for it: saved as its generic
// string (a JSON string), so a path keys, stores and reads back as its text, with '/'
// as the separator on every system. The path is only declared here
// (detail/filesystem_fwd.hpp): a translation unit that uses one includes <filesystem>.

#include "../detail/filesystem_fwd.hpp"

#include <cereal/cereal.hpp>

#include <string>
#include <type_traits>

namespace cereal {

// A path converts to and from std::string: the template parameter keeps strings from
// taking these, and the specialization keeps paths from taking a string's functions.
template <class Path>
using if_filesystem_path =
    traits::EnableIf<std::is_same<Path, std::filesystem::path>::value>;

template <class Archive, class Path, if_filesystem_path<Path> = traits::sfinae>
std::string CEREAL_SAVE_MINIMAL_FUNCTION_NAME(const Archive &, const Path &path) {
  return path.generic_string();
}

template <class Archive, class Path, if_filesystem_path<Path> = traits::sfinae>
void CEREAL_LOAD_MINIMAL_FUNCTION_NAME(const Archive &, Path &path, const std::string &text) {
  path = text;
}

} // namespace cereal

CEREAL_SPECIALIZE_FOR_ALL_ARCHIVES(std::filesystem::path,
                                   cereal::specialization::non_member_load_save_minimal)

#endif
