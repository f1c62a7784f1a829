#include "huge_pages.hpp"

#include <cachepy/detail/number_arrays.hpp>

#include <cstring>
#include <istream>

#include <sys/mman.h>

namespace cachepy::detail {
namespace {

constexpr std::uintptr_t page_bytes = 4096;

// The fill that copies `from` to `to`, for fill_fresh and fill_page_by_page.
auto copier(void *to, const void *from) {
  return [to, from](std::size_t begin, std::size_t end) {
    std::memcpy(static_cast<char *>(to) + begin, static_cast<const char *>(from) + begin,
                end - begin);
  };
}

} // namespace

void advise_huge_pages(const void *data, std::size_t bytes) noexcept {
  const auto start = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t begin = (start + huge_page_bytes - 1) & ~(huge_page_bytes - 1);
  const std::uintptr_t end = (start + bytes) & ~(huge_page_bytes - 1);
  if (end > begin) // a refusal (no THP support) leaves ordinary pages: nothing to do
    ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
}

void fault_in(const void *data, std::size_t bytes) noexcept {
  // One call faults in the whole range, the ordinary pages at its ends included, in a
  // loop in the kernel: cheaper than a trap per page, where a virtual machine makes
  // each one dear. It writes nothing (the pages hold what they held);
  // kernels before 5.14 refuse it, and the copy then faults the pages in itself.
  const auto start = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first_page = start & ~(page_bytes - 1);
  const std::uintptr_t last_page = (start + bytes + page_bytes - 1) & ~(page_bytes - 1);
  ::madvise(reinterpret_cast<void *>(first_page), last_page - first_page, MADV_POPULATE_WRITE);
}

void copy_to_fresh(void *to, const void *from, std::size_t bytes) noexcept {
  if (bytes == 0) // an empty vector's data() may be null
    return;
  fill_fresh(to, bytes, copier(to, from));
}

void copy_page_by_page(void *to, const void *from, std::size_t bytes) noexcept {
  fill_page_by_page(to, 0, bytes, copier(to, from));
}

bool read_to_fresh(std::istream &in, void *to, std::size_t bytes) {
  // The store's reader fills large reads with fill_fresh (see entry_streams); any
  // other stream faults the pages in as it copies.
  if (bytes >= large_bytes)
    advise_huge_pages(to, bytes);
  return static_cast<bool>(in.read(static_cast<char *>(to), static_cast<std::streamsize>(bytes)));
}

} // namespace cachepy::detail
