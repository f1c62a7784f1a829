#include <cachepy/detail/key.hpp>

#include <cstring>

namespace cachepy::detail {

std::string key::hex() const {
  static const char digits[] = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 0; i < 16; ++i) {
    const std::uint64_t half = i < 8 ? high : low;
    const unsigned byte = static_cast<unsigned>(half >> (8 * (7 - i % 8))) & 0xffu;
    out[2 * i] = digits[byte >> 4];
    out[2 * i + 1] = digits[byte & 0xf];
  }
  return out;
}

namespace {
void add_string(XXH3_state_t &state, const char *text) {
  const std::size_t size = std::strlen(text);
  XXH3_128bits_update(&state, &size, sizeof size);
  XXH3_128bits_update(&state, text, size);
}
} // namespace

key hash_with(const key &seed, function_ref<void(hash_archive &)> feed) {
  XXH3_state_t state;
  XXH3_128bits_reset(&state);
  XXH3_128bits_update(&state, &seed, sizeof seed);
  {
    hash_archive archive(state);
    feed(archive);
  }
  const XXH128_hash_t digest = XXH3_128bits_digest(&state);
  return key{digest.high64, digest.low64};
}

key site_hash(const char *identity, std::uint64_t ast_hash_high,
              std::uint64_t ast_hash_low, const char *version) {
  XXH3_state_t state;
  XXH3_128bits_reset(&state);
  XXH3_128bits_update(&state, &format_version, sizeof format_version);
  add_string(state, identity);
  add_string(state, version);
  XXH3_128bits_update(&state, &ast_hash_high, sizeof ast_hash_high);
  XXH3_128bits_update(&state, &ast_hash_low, sizeof ast_hash_low);
  const XXH128_hash_t digest = XXH3_128bits_digest(&state);
  return key{digest.high64, digest.low64};
}

} // namespace cachepy::detail
