// A key as text (file names, record names, log lines): apart from the hashing, so that
// the remote module, which names records by key, has it without the value codec.

#include <cachepy/detail/key.hpp>

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

} // namespace cachepy::detail
