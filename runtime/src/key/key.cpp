#include <cachepy/detail/key.hpp>

#include "../codec/number_types.hpp"

#include <limits>

#include <xxhash.h> // inlined everywhere (XXH_INLINE_ALL, runtime/CMakeLists.txt)

namespace cachepy::detail {

namespace {

// x87's 80-bit long double lies in 16 bytes, 6 of them padding.
constexpr std::size_t long_double_bytes =
    std::numeric_limits<long double>::digits == 64 ? 10 : sizeof(long double);
constexpr bool padded_long_double = long_double_bytes < sizeof(long double);

// Takes the bytes cereal's binary archive would write (numbers as they lie in memory,
// sizes as their count type, string lengths as 64-bit counts), except long doubles'
// padding; nodes and names leave no trace.
class hash_sink final : public value_sink {
public:
  explicit hash_sink(XXH3_state_t &state) : state_(state) {}

  bool takes_bytes() const override { return true; }
  void begin_node() override {}
  void end_node() override {}
  void name_next(const char *) override {}
  void size(number_kind kind, const void *count) override { add(count, number_size(kind)); }
  void numbers(number_kind kind, const void *data, std::size_t count) override {
    if (kind == number_kind_of<long double> && padded_long_double)
      for (std::size_t i = 0; i < count; ++i) // the padding holds whatever was there
        add(static_cast<const long double *>(data) + i, long_double_bytes);
    else
      add(data, count * number_size(kind));
  }
  void text(const char *data, std::size_t size) override {
    const std::uint64_t length = size;
    add(&length, sizeof length);
    add(data, size);
  }
  void null() override {}

private:
  void add(const void *data, std::size_t size) { XXH3_128bits_update(&state_, data, size); }

  XXH3_state_t &state_;
};

key hash_fed(const key *seed, function_ref<void(value_writer &)> feed) {
  XXH3_state_t state;
  XXH3_128bits_reset(&state);
  if (seed)
    XXH3_128bits_update(&state, seed, sizeof *seed);
  hash_sink sink(state);
  {
    value_writer archive(sink);
    feed(archive);
  }
  const XXH128_hash_t digest = XXH3_128bits_digest(&state);
  return key{digest.high64, digest.low64};
}

} // namespace

key hash_with(const key &seed, function_ref<void(value_writer &)> feed) {
  return hash_fed(&seed, feed);
}

key hash_of(function_ref<void(value_writer &)> feed) { return hash_fed(nullptr, feed); }

key site_hash(const char *identity, std::uint64_t ast_hash_high,
              std::uint64_t ast_hash_low, std::uint64_t layout, const char *version) {
  return hash_of([&](value_writer &archive) {
    archive(format_version, text_view{identity}, text_view{version}, ast_hash_high,
            ast_hash_low, layout);
  });
}

} // namespace cachepy::detail
