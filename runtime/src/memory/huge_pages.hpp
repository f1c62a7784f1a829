#ifndef CACHEPY_MEMORY_HUGE_PAGES_HPP
#define CACHEPY_MEMORY_HUGE_PAGES_HPP

// Filling fresh memory of many megabytes (an array's, a value's from a remote): huge
// pages for it, each faulted in by the kernel just before it is written. All of it is
// fresh_pages'; the writes themselves are the owner's (appends to a vector or a
// string), so nothing but the kernel touches memory past a container's size.

#include <cstddef>

namespace cachepy::detail {

// Asks for huge pages over the part of [data, data + bytes) they can cover.
void advise_huge_pages(const void *data, std::size_t bytes) noexcept;

// Faults [data, data + bytes) in with one call; false if the kernel refuses.
bool fault_in(const void *data, std::size_t bytes) noexcept;

constexpr std::size_t huge_page_bytes = 2 * 1024 * 1024;
// Smaller fresh memory is left to the allocator as it is.
constexpr std::size_t large_bytes = 2 * huge_page_bytes;

// Fresh memory at `to`, filled in order a piece at a time by whoever owns it: from
// large_bytes on, advised huge pages, and each piece faulted in just before it is
// written, so that the kernel's zeroing leaves it in the CPU's cache, where the write
// then goes. (A second thread faulting in ahead measured slower: its zeroed pages
// leave the cache before the writer comes, and the copy reads them back.) The plain
// fallback: without huge pages, or where the kernel refuses to fault in ahead (before
// 5.14), the writes fault the pages in themselves; slower, the same result.
class fresh_pages {
public:
  fresh_pages(void *to, std::size_t bytes) noexcept;

  // Before [begin, end) of it is written. After a refusal the writes fault pages in.
  void before_writing(std::size_t begin, std::size_t end) noexcept {
    if (ahead_ && end > begin)
      ahead_ = fault_in(to_ + begin, end - begin);
  }

private:
  char *to_;
  bool ahead_; // faulting in ahead of the writes
};

} // namespace cachepy::detail

#endif
