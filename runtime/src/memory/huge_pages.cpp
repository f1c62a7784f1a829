#include <cachepy/detail/number_arrays.hpp>

#include <sys/mman.h>

namespace cachepy::detail {

void advise_huge_pages(const void *data, std::size_t bytes) noexcept {
  constexpr std::uintptr_t huge_page = 2 * 1024 * 1024;
  if (bytes < 2 * huge_page)
    return;
  const std::uintptr_t begin = (reinterpret_cast<std::uintptr_t>(data) + huge_page - 1) &
                               ~(huge_page - 1);
  const std::uintptr_t end = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(huge_page - 1);
  if (end > begin) // a refusal (no THP support) leaves ordinary pages: nothing to do
    ::madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
}

} // namespace cachepy::detail
