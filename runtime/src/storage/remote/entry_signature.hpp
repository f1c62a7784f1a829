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

// Lower-case hex digits of `bytes`.
std::string to_hex(std::string_view bytes);

// Whether a and b are equal, in a time that does not depend on where they differ.
bool same_in_constant_time(std::string_view a, std::string_view b);

// 16 hex digits naming the secret in remote names (its HMAC of a fixed text, which does
// not reveal it): machines with different secrets use different names, so that none
// overwrites another's entries.
std::string secret_id(std::string_view secret);

} // namespace cachepy::detail

#endif
