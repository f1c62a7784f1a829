#include "fresh_pages.hpp"

#include <cachepy/detail/number_arrays.hpp>

#include <cstdint>
#include <cstring>
#include <istream>

#include <sys/mman.h>

namespace cachepy::detail {
namespace {

constexpr std::uintptr_t page_bytes = 4096;

} // namespace

void advise_huge_pages(const void *data, std::size_t bytes) noexcept {
  const auto start = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t begin = (start + huge_page_bytes - 1) & ~(huge_page_bytes - 1);
  const std::uintptr_t end = (start + bytes) & ~(huge_page_bytes - 1);
  if (end > begin) // a refusal (no THP support) leaves ordinary pages: nothing to do
    ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
}

bool fault_in(const void *data, std::size_t bytes) noexcept {
  // One call faults in the whole range, the ordinary pages at its ends included, in a
  // loop in the kernel: cheaper than a trap per page, where a virtual machine makes
  // each one dear. It writes nothing (the pages hold what they held);
  // kernels before 5.14 refuse it, and the copy then faults the pages in itself.
  const auto start = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first_page = start & ~(page_bytes - 1);
  const std::uintptr_t last_page = (start + bytes + page_bytes - 1) & ~(page_bytes - 1);
  return ::madvise(reinterpret_cast<void *>(first_page), last_page - first_page,
                   MADV_POPULATE_WRITE) == 0;
}

bool append_to_fresh(void *to, std::size_t bytes, std::size_t piece,
                     function_ref<bool(std::size_t)> append) {
  fresh_pages pages(to, bytes);
  for (std::size_t at = 0; at < bytes;) {
    const std::size_t next = bytes - at < piece ? bytes : at + piece;
    pages.before_writing(at, next);
    if (!append(next - at))
      return false;
    at = next;
  }
  return true;
}

void copy_to_fresh(void *to, const void *from, std::size_t bytes) noexcept {
  std::size_t at = 0;
  append_to_fresh(to, bytes, piece_bytes<char>(), [&](std::size_t piece) {
    std::memcpy(static_cast<char *>(to) + at, static_cast<const char *>(from) + at, piece);
    at += piece;
    return true;
  });
}

bool read_to_fresh(std::istream &in, void *to, std::size_t bytes) {
  // A piece at a time: the store's reader reads each in one call, and checksums it
  // while it is in the CPU's cache.
  std::size_t at = 0;
  return append_to_fresh(to, bytes, piece_bytes<char>(), [&](std::size_t piece) {
    const bool read = static_cast<bool>(
        in.read(static_cast<char *>(to) + at, static_cast<std::streamsize>(piece)));
    at += piece;
    return read;
  });
}

} // namespace cachepy::detail
