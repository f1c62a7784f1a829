#include <cachepy/detail/key_parts.hpp>

#ifndef XXH_STATIC_LINKING_ONLY
#define XXH_STATIC_LINKING_ONLY
#endif
#include <xxhash.h>

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace cachepy::detail {

void hash_file(value_writer &archive, std::string_view path) {
  archive(text_view{path});
  const int fd = ::open(std::string(path).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    archive(std::uint8_t{0}); // missing or unreadable
    return;
  }
  XXH3_state_t content;
  XXH3_128bits_reset(&content);
  char buffer[1 << 16];
  bool readable = true;
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      readable = false;
    if (n <= 0)
      break;
    XXH3_128bits_update(&content, buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  archive(std::uint8_t{readable ? std::uint8_t{1} : std::uint8_t{0}});
  const XXH128_hash_t digest = XXH3_128bits_digest(&content);
  archive(digest.high64, digest.low64);
}

call_context hash_context(function_ref<void(value_writer &)> feed) noexcept {
  try {
    return {hash_with(key{}, feed), {}};
  } catch (const std::exception &error) {
    return {key{}, error.what()};
  } catch (...) {
    return {key{}, "an exception"};
  }
}

void hash_env_var(value_writer &archive, const char *name) {
  archive(text_view{name});
  const char *value = std::getenv(name);
  archive(std::uint8_t{value ? std::uint8_t{1} : std::uint8_t{0}});
  if (value)
    archive(text_view{value});
}

} // namespace cachepy::detail
