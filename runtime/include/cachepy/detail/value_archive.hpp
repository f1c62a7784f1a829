#ifndef CACHEPY_DETAIL_VALUE_ARCHIVE_HPP
#define CACHEPY_DETAIL_VALUE_ARCHIVE_HPP

// The one pair of cereal archives a cached function's types are compiled against.
// value_writer hashes arguments and stores results, value_reader loads results; both
// hand every primitive (a number, a run of numbers, a string, a size, a name, the start
// and end of a node) to a sink or source picked at run time in the library: the XXH3
// state of a key, or cereal's binary, portable binary or JSON archive, whose bytes they
// reproduce (JSON's two exceptions: docs/storage.md). A type's serialization is then
// instantiated twice per translation unit rather than seven times, and cereal's archive
// headers (RapidJSON among them) are compiled in the library only.

#include <cereal/cereal.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <list>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace cachepy::detail {

// The standard arithmetic types, numbered: a run of numbers crosses into the library
// as its kind, so the library can hand each format the exact C++ type it expects. The
// list is the same in every language mode, since user code and the library may be
// compiled in different ones (char8_t goes as its twin, unsigned char).
template <class... T> struct type_list {
  static constexpr std::size_t size = sizeof...(T);
};
using number_types =
    type_list<bool, char, signed char, unsigned char, wchar_t, char16_t, char32_t, short,
              unsigned short, int, unsigned, long, unsigned long, long long,
              unsigned long long, float, double, long double>;

using number_kind = std::uint8_t;

// Anything else (__int128, the elements of a binary_data run of structs) crosses as
// blocks of its size in bytes, raw_kind(size), which is how cereal's binary archives
// write it; blocks of 128 bytes or more go as single bytes.
constexpr number_kind raw_kind(std::size_t block) {
  return static_cast<number_kind>(block > 0 && block < 0x80 ? 0x80 + block : 0x81);
}
constexpr bool is_raw(number_kind kind) { return kind >= 0x80; }
constexpr std::size_t raw_block(number_kind kind) { return kind - 0x80u; }

inline constexpr number_kind unlisted = 0x7f;
template <class T, class List> struct index_in : std::integral_constant<number_kind, unlisted> {};
template <class T, class... Rest>
struct index_in<T, type_list<T, Rest...>> : std::integral_constant<number_kind, 0> {};
template <class T, class Head, class... Rest>
struct index_in<T, type_list<Head, Rest...>>
    : std::integral_constant<number_kind,
                             index_in<T, type_list<Rest...>>::value == unlisted
                                 ? unlisted
                                 : 1 + index_in<T, type_list<Rest...>>::value> {};

template <class T> struct number_twin {
  using type = T;
};
#ifdef __cpp_char8_t
template <> struct number_twin<char8_t> {
  using type = unsigned char;
};
#endif

template <class T> constexpr number_kind kind_of() {
  using listed = typename number_twin<std::remove_cv_t<T>>::type;
  if constexpr (std::is_void<T>::value)
    return raw_kind(1);
  else if constexpr (index_in<listed, number_types>::value != unlisted)
    return index_in<listed, number_types>::value;
  else
    return raw_kind(sizeof(T));
}
template <class T> inline constexpr number_kind number_kind_of = kind_of<T>();

// How many units of T's kind a run of `bytes` bytes of T is.
template <class T> constexpr std::size_t units_of(std::uint64_t bytes) {
  if constexpr (is_raw(number_kind_of<T>))
    return static_cast<std::size_t>(bytes / raw_block(number_kind_of<T>));
  else
    return static_cast<std::size_t>(bytes / sizeof(T));
}

// Whether a type is stored as its bytes: derived.hpp, included at the end of this
// header (it builds on the archives), so that whoever uses the archives has it.
template <class T> struct is_byte_copyable;

// Where value_writer's primitives go. `numbers` carries `count` values of one kind
// (a raw kind: `count` blocks); a single value is a run of one.
class value_sink {
public:
  // Whether a run of byte-copyable values may go as its bytes, in one call: where the
  // format writes each value's members as they lie in memory anyway (the key, the
  // binary archives), not where it names them (JSON).
  virtual bool takes_bytes() const = 0;
  virtual void begin_node() = 0;
  virtual void end_node() = 0;
  virtual void name_next(const char *name) = 0;
  // A container's size (a cereal SizeTag), of the count type it was given as.
  virtual void size(number_kind kind, const void *count) = 0;
  virtual void numbers(number_kind kind, const void *data, std::size_t count) = 0;
  virtual void text(const char *data, std::size_t size) = 0;
  virtual void null() = 0;

protected:
  ~value_sink() = default;
};

// Where value_reader's primitives come from; failures throw (cereal::Exception).
class value_source {
public:
  // As value_sink's; also false where the payload's byte order is not this machine's.
  virtual bool takes_bytes() const = 0;
  virtual void begin_node() = 0;
  virtual void end_node() = 0;
  virtual void name_next(const char *name) = 0;
  virtual void size(number_kind kind, void *count) = 0;
  virtual void numbers(number_kind kind, void *data, std::size_t count) = 0;
  virtual void text(std::string &out) = 0;
  virtual void null() = 0;
  // The payload's bytes not read yet (JSON: all of them, its counts being those of
  // the parsed document): what a container may allocate for before its elements
  // are actually decoded.
  virtual std::uint64_t bytes_left() = 0;

protected:
  ~value_source() = default;
};

// Throws cereal::Exception(why), from the library: what the runtime's headers do where
// decoding fails, so that they compile in translation units built with -fno-exceptions.
[[noreturn]] void throw_unreadable(const char *why);

// Made only in the library, so the archive bases' constructors (and the hash tables
// they set up) are compiled there once.
class value_writer
    : public cereal::OutputArchive<value_writer, cereal::AllowEmptyClassElision> {
public:
  explicit value_writer(value_sink &sink);
  ~value_writer() override;
  value_sink &sink() { return sink_; }

private:
  value_sink &sink_;
};

class value_reader
    : public cereal::InputArchive<value_reader, cereal::AllowEmptyClassElision> {
public:
  explicit value_reader(value_source &source);
  ~value_reader() override;
  value_source &source() { return source_; }

private:
  value_source &source_;
};

// Nodes: where cereal's JSON archive opens one, these do; the binary sinks ignore them.
// Numbers, strings, null, names, sizes, deferred data, binary runs and types saved as
// one minimal value open none (cereal's own no-op prologue then applies).
struct text_view;
template <class T> struct opens_no_node : std::is_arithmetic<T> {};
template <class T> struct opens_no_node<cereal::NameValuePair<T>> : std::true_type {};
template <class T> struct opens_no_node<cereal::SizeTag<T>> : std::true_type {};
template <class T> struct opens_no_node<cereal::DeferredData<T>> : std::true_type {};
template <class T> struct opens_no_node<cereal::BinaryData<T>> : std::true_type {};
template <> struct opens_no_node<std::string> : std::true_type {};
template <> struct opens_no_node<std::string_view> : std::true_type {};
template <> struct opens_no_node<std::nullptr_t> : std::true_type {};
template <> struct opens_no_node<text_view> : std::true_type {};

template <class T>
inline constexpr bool opens_output_node =
    !opens_no_node<T>::value &&
    !cereal::traits::has_minimal_base_class_serialization<
        T, cereal::traits::has_minimal_output_serialization, value_writer>::value &&
    !cereal::traits::has_minimal_output_serialization<T, value_writer>::value;
template <class T>
inline constexpr bool opens_input_node =
    !opens_no_node<T>::value &&
    !cereal::traits::has_minimal_base_class_serialization<
        T, cereal::traits::has_minimal_input_serialization, value_reader>::value &&
    !cereal::traits::has_minimal_input_serialization<T, value_reader>::value;

template <class T, cereal::traits::EnableIf<opens_output_node<T>> = cereal::traits::sfinae>
void prologue(value_writer &ar, const T &) {
  ar.sink().begin_node();
}
template <class T, cereal::traits::EnableIf<opens_output_node<T>> = cereal::traits::sfinae>
void epilogue(value_writer &ar, const T &) {
  ar.sink().end_node();
}
template <class T, cereal::traits::EnableIf<opens_input_node<T>> = cereal::traits::sfinae>
void prologue(value_reader &ar, const T &) {
  ar.source().begin_node();
}
template <class T, cereal::traits::EnableIf<opens_input_node<T>> = cereal::traits::sfinae>
void epilogue(value_reader &ar, const T &) {
  ar.source().end_node();
}

template <class T, cereal::traits::EnableIf<std::is_arithmetic<T>::value> = cereal::traits::sfinae>
void CEREAL_SAVE_FUNCTION_NAME(value_writer &ar, const T &value) {
  ar.sink().numbers(number_kind_of<T>, std::addressof(value), units_of<T>(sizeof(T)));
}
template <class T, cereal::traits::EnableIf<std::is_arithmetic<T>::value> = cereal::traits::sfinae>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, T &value) {
  ar.source().numbers(number_kind_of<T>, std::addressof(value), units_of<T>(sizeof(T)));
}

// Contiguous numbers (std::vector<double>, std::string's characters, std::array, C
// arrays) cross in one call: hashing or writing them is one pass over the block. A
// C array of arrays goes row by row, so that JSON nests its rows as cereal does.
template <class T> struct binary_block {
  using target = std::remove_pointer_t<std::remove_reference_t<T>>; // pointee or array
  using element = std::remove_cv_t<std::remove_all_extents_t<target>>;
  static constexpr bool by_rows = std::rank<target>::value > 1;
  static std::size_t arrays(std::uint64_t bytes) {
    return static_cast<std::size_t>(bytes / sizeof(target));
  }
};
template <class T>
void CEREAL_SAVE_FUNCTION_NAME(value_writer &ar, const cereal::BinaryData<T> &data) {
  using block = binary_block<T>;
  if constexpr (block::by_rows) {
    const auto *arrays = static_cast<const typename block::target *>(data.data);
    for (std::size_t i = 0; i < block::arrays(data.size); ++i)
      for (const auto &row : arrays[i])
        ar(row);
  } else {
    ar.sink().numbers(number_kind_of<typename block::element>, data.data,
                      units_of<typename block::element>(data.size));
  }
}
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, cereal::BinaryData<T> &data) {
  using block = binary_block<T>;
  if constexpr (block::by_rows) {
    auto *arrays = static_cast<typename block::target *>(data.data);
    for (std::size_t i = 0; i < block::arrays(data.size); ++i)
      for (auto &row : arrays[i])
        ar(row);
  } else {
    ar.source().numbers(number_kind_of<typename block::element>, data.data,
                        units_of<typename block::element>(data.size));
  }
}

template <class T>
void CEREAL_SAVE_FUNCTION_NAME(value_writer &ar, const cereal::NameValuePair<T> &nvp) {
  ar.sink().name_next(nvp.name);
  ar(nvp.value);
}
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, cereal::NameValuePair<T> &nvp) {
  ar.source().name_next(nvp.name);
  ar(nvp.value);
}

template <class T>
void CEREAL_SAVE_FUNCTION_NAME(value_writer &ar, const cereal::SizeTag<T> &tag) {
  static_assert(!is_raw(number_kind_of<std::remove_reference_t<T>>),
                "cachepy: a cereal size tag must count with a standard integer type");
  ar.sink().size(number_kind_of<std::remove_reference_t<T>>, std::addressof(tag.size));
}
template <class T>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, cereal::SizeTag<T> &tag) {
  ar.source().size(number_kind_of<std::remove_reference_t<T>>, std::addressof(tag.size));
}

inline void CEREAL_SAVE_FUNCTION_NAME(value_writer &ar, const std::string &text) {
  ar.sink().text(text.data(), text.size());
}
inline void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, std::string &text) {
  ar.source().text(text);
}

// `count` values lying one after another (a vector's, an array's, a matrix's), in one
// call where the format allows: numbers as cereal's binary_data, byte-copyable classes
// as their bytes (which every binary format would write member by member anyway, so
// entries and keys are the same either way), anything else one value at a time.
template <class T> void save_run(value_writer &ar, const T *data, std::size_t count) {
  using element = std::remove_cv_t<T>;
  if constexpr (std::is_arithmetic<element>::value) {
    ar(cereal::binary_data(data, count * sizeof(T)));
  } else {
    if constexpr (is_byte_copyable<element>::value)
      if (ar.sink().takes_bytes())
        return ar.sink().numbers(raw_kind(1), data, count * sizeof(T));
    for (std::size_t i = 0; i < count; ++i)
      ar(data[i]);
  }
}
template <class T> void load_run(value_reader &ar, T *data, std::size_t count) {
  if constexpr (std::is_arithmetic<T>::value) {
    ar(cereal::binary_data(data, count * sizeof(T)));
  } else {
    if constexpr (is_byte_copyable<T>::value)
      if (ar.source().takes_bytes())
        return ar.source().numbers(raw_kind(1), data, count * sizeof(T));
    for (std::size_t i = 0; i < count; ++i)
      ar(data[i]);
  }
}

// A vector or std::array of byte-copyable classes (numbers are cereal's already), as
// cereal writes them, in one run.
template <class T>
using if_byte_class =
    cereal::traits::EnableIf<!std::is_arithmetic<T>::value && is_byte_copyable<T>::value>;

template <class T, class A, if_byte_class<T> = cereal::traits::sfinae>
void CEREAL_SAVE_FUNCTION_NAME(value_writer &ar, const std::vector<T, A> &values) {
  ar(cereal::make_size_tag(static_cast<cereal::size_type>(values.size())));
  save_run(ar, values.data(), values.size());
}
template <class T, std::size_t N, if_byte_class<T> = cereal::traits::sfinae>
void CEREAL_SAVE_FUNCTION_NAME(value_writer &ar, const std::array<T, N> &values) {
  save_run(ar, values.data(), N);
}
template <class T, std::size_t N, if_byte_class<T> = cereal::traits::sfinae>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, std::array<T, N> &values) {
  load_run(ar, values.data(), N);
}

// A vector, deque or list as cereal's own load reads it, except that the count is not
// trusted: the container grows as its elements are decoded, from what the rest of the
// payload could hold, so a forged count fails at the payload's end having allocated
// about as much as the payload (cereal resizes to the count first). A vector of
// numbers or of byte-copyable values is read in runs when the count is honest.
// vector<bool> stays cereal's.
template <class T> struct is_std_vector : std::false_type {};
template <class T, class A> struct is_std_vector<std::vector<T, A>> : std::true_type {};

template <class Sequence> void load_grown(value_reader &ar, Sequence &out) {
  using T = typename Sequence::value_type;
  cereal::size_type count = 0;
  ar(cereal::make_size_tag(count));
  const std::uint64_t room = ar.source().bytes_left() / sizeof(T);
  out.clear();
  if constexpr (is_std_vector<Sequence>::value && is_byte_copyable<T>::value) {
    // Each run is what the bytes left can still hold, so the vector never outgrows
    // the payload (growing it past that would double it, beside the payload in memory).
    for (std::uint64_t done = 0; done < count;) {
      const std::uint64_t left = ar.source().bytes_left() / sizeof(T);
      if (left == 0)
        throw_unreadable("cachepy: a count larger than the payload holds");
      const std::uint64_t run = std::min(count - done, left);
      out.resize(static_cast<std::size_t>(done + run));
      load_run(ar, out.data() + done, static_cast<std::size_t>(run));
      done += run;
    }
  } else {
    if constexpr (is_std_vector<Sequence>::value)
      out.reserve(static_cast<std::size_t>(std::min(count, room)));
    for (std::uint64_t i = 0; i < count; ++i) {
      out.emplace_back();
      ar(out.back());
    }
  }
}
template <class T, class A, cereal::traits::EnableIf<!std::is_same<T, bool>::value> = cereal::traits::sfinae>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, std::vector<T, A> &out) {
  load_grown(ar, out);
}
template <class T, class A>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, std::deque<T, A> &out) {
  load_grown(ar, out);
}
template <class T, class A>
void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, std::list<T, A> &out) {
  load_grown(ar, out);
}

inline void CEREAL_SAVE_FUNCTION_NAME(value_writer &ar, const std::nullptr_t &) {
  ar.sink().null();
}
inline void CEREAL_LOAD_FUNCTION_NAME(value_reader &ar, std::nullptr_t &) {
  ar.source().null();
}

// C strings and string views hash as their characters, exactly as a std::string with
// the same characters does, so h("bob") and h(std::string("bob")) share a key. A null
// C string hashes as a length no string has, so h(nullptr) and h("") do not.
struct text_view {
  std::string_view text;
  bool null = false;
};
inline void CEREAL_SAVE_FUNCTION_NAME(value_writer &ar, const text_view &view) {
  static constexpr std::uint64_t no_text = ~std::uint64_t{0};
  if (view.null)
    ar.sink().size(number_kind_of<std::uint64_t>, &no_text);
  else
    ar.sink().text(view.text.data(), view.text.size());
}

// Inside an argument (a vector of them, a member), a string view hashes as a
// std::string does; a result holds none (the plugin refuses it: it owns nothing).
inline void CEREAL_SAVE_FUNCTION_NAME(value_writer &ar, const std::string_view &text) {
  ar.sink().text(text.data(), text.size());
}

template <class T> const T &hashable(const T &value) { return value; }
inline text_view hashable(const char *text) { return text ? text_view{text} : text_view{{}, true}; }
inline text_view hashable(std::string_view text) { return {text}; }

} // namespace cachepy::detail

CEREAL_SETUP_ARCHIVE_TRAITS(cachepy::detail::value_reader, cachepy::detail::value_writer)
// Types registered with CEREAL_REGISTER_TYPE are then saved and loaded through base
// class pointers, as with cereal's own archives.
CEREAL_REGISTER_ARCHIVE(cachepy::detail::value_writer)
CEREAL_REGISTER_ARCHIVE(cachepy::detail::value_reader)

#include "derived.hpp"

#endif
