#include "entry_signature.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <memory>

namespace cachepy::detail {
namespace {

struct mac_deleter {
  void operator()(EVP_MAC *mac) const { EVP_MAC_free(mac); }
  void operator()(EVP_MAC_CTX *context) const { EVP_MAC_CTX_free(context); }
};

} // namespace

std::string sign_entry(std::string_view secret, std::string_view name, std::string_view entry) {
  const std::unique_ptr<EVP_MAC, mac_deleter> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
  const std::unique_ptr<EVP_MAC_CTX, mac_deleter> context(mac ? EVP_MAC_CTX_new(mac.get())
                                                              : nullptr);
  char digest[] = "SHA256";
  const OSSL_PARAM parameters[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0), OSSL_PARAM_END};
  std::string signature(signature_size, '\0');
  std::size_t length = 0;
  const auto *secret_bytes = reinterpret_cast<const unsigned char *>(secret.data());
  // The name's length first, so that no other (name, entry) split gives the same input.
  const std::string name_length = std::to_string(name.size()) + ":";
  auto update = [&](std::string_view part) {
    return EVP_MAC_update(context.get(), reinterpret_cast<const unsigned char *>(part.data()),
                          part.size()) == 1;
  };
  if (!context || EVP_MAC_init(context.get(), secret_bytes, secret.size(), parameters) != 1 ||
      !update(name_length) || !update(name) || !update(entry) ||
      EVP_MAC_final(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                    signature.size()) != 1 ||
      length != signature_size)
    return std::string();
  return signature;
}

bool same_in_constant_time(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool signature_matches(std::string_view secret, std::string_view name, std::string_view entry,
                       std::string_view signature) {
  const std::string expected = sign_entry(secret, name, entry);
  return !expected.empty() && same_in_constant_time(expected, signature);
}

std::string to_hex(std::string_view bytes) {
  std::string hex;
  for (const unsigned char byte : bytes)
    hex += "0123456789abcdef"[byte >> 4], hex += "0123456789abcdef"[byte & 15];
  return hex;
}

std::string secret_id(std::string_view secret) {
  return to_hex(sign_entry(secret, "cachepy secret id", "")).substr(0, 16);
}

} // namespace cachepy::detail
