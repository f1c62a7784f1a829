#ifndef CACHEPY_STORAGE_REMOTE_ENTRY_SIGNATURE_HPP
#define CACHEPY_STORAGE_REMOTE_ENTRY_SIGNATURE_HPP

// HMAC-SHA256 (OpenSSL's libcrypto) of a remote value's name and entry bytes under the
// shared secret: whoever can write to the server but lacks the secret cannot make an
// entry that machines accept.

#include <string>
#include <string_view>

namespace cachepy::detail {

inline constexpr std::size_t signature_size = 32;

// signature_size bytes; empty if libcrypto failed (then nothing verifies).
std::string sign_entry(std::string_view secret, std::string_view name, std::string_view entry);

bool signature_matches(std::string_view secret, std::string_view name, std::string_view entry,
                       std::string_view signature);

} // namespace cachepy::detail

#endif
