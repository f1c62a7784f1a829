// A remote_storage URL with its attributes, as written in the configuration or in
// $CACHEPY_REMOTE_STORAGE: parse_remote_url, and split_remote_list before it.

#include "storage/remote/remote_url.hpp"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  cachepy::detail::parse_remote_url(text);
  for (const std::string &spec : cachepy::detail::split_remote_list(text))
    cachepy::detail::parse_remote_url(spec);
  return 0;
}
