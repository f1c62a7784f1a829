#include <cachepy/detail/number_arrays.hpp>

#include <sys/mman.h>

namespace cachepy::detail {

void prepare_fresh_memory(const void *data, std::size_t bytes) noexcept {
  constexpr std::uintptr_t huge_page = 2 * 1024 * 1024;
  constexpr std::uintptr_t page = 4096;
  if (bytes < 2 * huge_page)
    return;
  const auto start = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t begin = (start + huge_page - 1) & ~(huge_page - 1);
  const std::uintptr_t end = (start + bytes) & ~(huge_page - 1);
  if (end > begin) // a refusal (no THP support) leaves ordinary pages: nothing to do
    ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
  // One call faults in the whole range, the ordinary pages at its ends included, in a
  // loop in the kernel: cheaper than a trap per page during the copy, where a virtual
  // machine makes each one dear. It writes nothing (the pages hold what they held);
  // kernels before 5.14 refuse it, and the copy then faults the pages in itself.
  const std::uintptr_t first_page = start & ~(page - 1);
  const std::uintptr_t last_page = (start + bytes + page - 1) & ~(page - 1);
  ::madvise(reinterpret_cast<void *>(first_page), last_page - first_page, MADV_POPULATE_WRITE);
}

} // namespace cachepy::detail
