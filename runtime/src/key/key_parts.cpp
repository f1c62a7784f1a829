#include <cachepy/detail/key_parts.hpp>

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace cachepy::detail {
namespace {

void hash_text(hash_archive &archive, std::string_view text) {
  archive(static_cast<std::uint64_t>(text.size()));
  archive.write(text.data(), text.size());
}

} // namespace

void hash_file(hash_archive &archive, std::string_view path) {
  hash_text(archive, path);
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

void hash_env_var(hash_archive &archive, const char *name) {
  hash_text(archive, name);
  const char *value = std::getenv(name);
  archive(std::uint8_t{value ? std::uint8_t{1} : std::uint8_t{0}});
  if (value)
    hash_text(archive, value);
}

} // namespace cachepy::detail
