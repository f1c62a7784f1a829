#ifndef CACHEPY_DETAIL_KEY_PARTS_HPP
#define CACHEPY_DETAIL_KEY_PARTS_HPP

// What enters a key besides the plain argument values, each a small wrapper with its
// own way into the key's hash:
//   file_argument      file_args:        the path and the file's content
//   file_dependency    depends_on_files: the path and the file's content
//   env_dependency     env_vars:         the variable's value (unset differs from empty)
//   named_dependency   depends_on_vars:  a name and any serializable value

#include "key.hpp"
#include "value_archive.hpp"

#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace cachepy::detail {

// Hashes path and content; a missing or unreadable file hashes as such (and the
// function then runs, to fail or not as it would uncached).
void hash_file(value_writer &archive, std::string_view path);
void hash_env_var(value_writer &archive, const char *name);

// Explicit: a string converted without asking would be hashed as a file's content
// (a std::string_view inside an argument once was).
struct file_argument {
  std::string path;
  explicit file_argument(const std::string &p) : path(p) {}
  explicit file_argument(std::string_view p) : path(p) {}
  explicit file_argument(const char *p) : path(p ? p : "") {}
  template <class Path, class = decltype(std::declval<const Path &>().native())>
  explicit file_argument(const Path &p) : path(p.native()) {}
};
inline void CEREAL_SAVE_FUNCTION_NAME(value_writer &archive, const file_argument &file) {
  hash_file(archive, file.path);
}

// Our own trait: clang 22 explains a failed std::is_constructible with a second error.
template <class T> struct names_a_file : std::is_constructible<file_argument, const T &> {};

// What the rewrite calls for a file_args parameter: one readable error for a
// parameter that cannot name a file.
template <class T> file_argument as_file_argument(const T &path) {
  static_assert(names_a_file<T>::value,
                "cachepy: a file_args parameter must name a file: std::string, "
                "std::string_view, const char * or std::filesystem::path");
  if constexpr (names_a_file<T>::value)
    return file_argument(path);
  else
    return file_argument(std::string_view());
}

struct file_dependency : file_argument {
  using file_argument::file_argument;
};

struct env_dependency {
  const char *name;
};
inline void CEREAL_SAVE_FUNCTION_NAME(value_writer &archive, const env_dependency &env) {
  hash_env_var(archive, env.name);
}

// Value is `const T &`, or std::string_view for string literals (char arrays).
template <class Value> struct named_dependency {
  const char *name;
  Value value;
};
template <class T> named_dependency<const T &> named(const char *name, const T &value) {
  return {name, value};
}
inline named_dependency<std::string_view> named(const char *name, const char *value) {
  return {name, value};
}
inline named_dependency<std::string_view> named(const char *name, std::string_view value) {
  return {name, value};
}
template <class Value>
void CEREAL_SAVE_FUNCTION_NAME(value_writer &archive, const named_dependency<Value> &var) {
  archive(text_view{var.name});
  if constexpr (std::is_same<Value, std::string_view>::value) {
    archive(text_view{var.value});
  } else {
    archive(var.value);
  }
}

// What a call depends on besides its arguments, hashed (zero when nothing). When
// hashing it threw (a depends_on_vars value whose serialization fails), `problem` says
// why, and the call runs uncached.
struct call_context {
  key hash;
  std::string problem;
};

call_context hash_context(function_ref<void(value_writer &)> feed) noexcept;

template <class... Parts> call_context context_of(const Parts &...parts) {
  if constexpr (sizeof...(Parts) == 0)
    return {};
  else
    return hash_context([&](value_writer &archive) { (archive(hashable(parts)), ...); });
}

} // namespace cachepy::detail

#endif
