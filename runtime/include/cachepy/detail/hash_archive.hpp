#ifndef CACHEPY_DETAIL_HASH_ARCHIVE_HPP
#define CACHEPY_DETAIL_HASH_ARCHIVE_HPP

// A cereal output archive whose "stream" is an XXH3-128 state: every type cereal can
// save is hashable with no extra code, and no temporary buffer holds the bytes.

#include <cereal/cereal.hpp>
#include <cereal/archives/binary.hpp>

#include <cstdint>
#include <memory>
#include <string_view>
#include <type_traits>

// Declarations only: XXH3's code lives in libxxhash, compiled once, rather than
// being inlined and optimized again in every translation unit with a cached function.
#ifndef XXH_STATIC_LINKING_ONLY
#define XXH_STATIC_LINKING_ONLY
#endif
#include <xxhash.h>

namespace cachepy::detail {

class hash_archive
    : public cereal::OutputArchive<hash_archive, cereal::AllowEmptyClassElision> {
public:
  explicit hash_archive(XXH3_state_t &state)
      : OutputArchive<hash_archive, cereal::AllowEmptyClassElision>(this),
        state_(state) {}

  void write(const void *data, std::size_t size) {
    XXH3_128bits_update(&state_, data, size);
  }

private:
  XXH3_state_t &state_;
};

template <class T>
std::enable_if_t<std::is_arithmetic<T>::value>
CEREAL_SAVE_FUNCTION_NAME(hash_archive &ar, const T &value) {
  ar.write(std::addressof(value), sizeof(value));
}

// Contiguous arithmetic data (std::vector<double>, std::array, ...) arrives here in
// one call, so hashing it costs one XXH3 update over the whole block.
template <class T>
void CEREAL_SAVE_FUNCTION_NAME(hash_archive &ar, const cereal::BinaryData<T> &data) {
  ar.write(data.data, static_cast<std::size_t>(data.size));
}

template <class T>
void CEREAL_SAVE_FUNCTION_NAME(hash_archive &ar, const cereal::NameValuePair<T> &nvp) {
  ar(nvp.value);
}

template <class T>
void CEREAL_SAVE_FUNCTION_NAME(hash_archive &ar, const cereal::SizeTag<T> &tag) {
  ar(tag.size);
}

// C strings and string views hash as their characters, exactly as a std::string with
// the same characters does, so h("bob") and h(std::string("bob")) share a key.
struct text_view {
  std::string_view text;
};
inline void CEREAL_SAVE_FUNCTION_NAME(hash_archive &ar, const text_view &view) {
  ar(static_cast<std::uint64_t>(view.text.size()));
  ar.write(view.text.data(), view.text.size());
}

template <class T> const T &hashable(const T &value) { return value; }
inline text_view hashable(const char *text) { return {text ? text : std::string_view()}; }
inline text_view hashable(std::string_view text) { return {text}; }

} // namespace cachepy::detail

namespace cereal::traits::detail {
// The hash archive has no input side; cereal's minimal-serialization checks pair it
// with the binary input archive, whose primitives it shares.
template <> struct get_input_from_output<cachepy::detail::hash_archive> {
  using type = cereal::BinaryInputArchive;
};
} // namespace cereal::traits::detail

#endif
