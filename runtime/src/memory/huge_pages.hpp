#ifndef CACHEPY_MEMORY_HUGE_PAGES_HPP
#define CACHEPY_MEMORY_HUGE_PAGES_HPP

// Filling fresh memory of many megabytes, the pieces that copy_to_fresh and the
// store's reads share: huge pages for it, each faulted in just before it is written,
// and the work shared by two threads, since faulting in (the kernel zeroes each page)
// and copying run at the speed of one core's memory traffic, not of the memory.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <thread>
#include <utility>

namespace cachepy::detail {

// Asks for huge pages over the part of [data, data + bytes) they can cover.
void advise_huge_pages(const void *data, std::size_t bytes) noexcept;

// Faults [data, data + bytes) in with one call.
void fault_in(const void *data, std::size_t bytes) noexcept;

constexpr std::size_t huge_page_bytes = 2 * 1024 * 1024;
// Smaller fresh memory is left to the allocator as it is.
constexpr std::size_t large_bytes = 2 * huge_page_bytes;
// Below this a second thread costs more to start than it saves.
constexpr std::size_t two_threads_bytes = 4 * huge_page_bytes;

// How in_halves starts its helper; a test passes one that fails.
struct start_thread {
  template <class F> std::thread operator()(F &&f) const { return std::thread(std::forward<F>(f)); }
};

// Runs work(begin, end) over [0, bytes) of the memory at `to`: once, or, from
// two_threads_bytes on, over two parts split at a huge page boundary near the middle,
// the second on a helper thread. A thread that cannot start leaves both parts to the
// caller. work must not throw.
template <class Work, class Start = start_thread>
void in_halves(const void *to, std::size_t bytes, Work &&work, Start start = {}) noexcept {
  if (bytes < two_threads_bytes)
    return work(std::size_t{0}, bytes);
  const auto first = reinterpret_cast<std::uintptr_t>(to);
  const std::size_t split =
      ((first + bytes / 2 + huge_page_bytes - 1) & ~std::uintptr_t{huge_page_bytes - 1}) - first;
  std::thread helper;
  try {
    helper = start([&] { work(split, bytes); });
  } catch (...) { // no thread (std::system_error) or no memory for its state
  }
  work(std::size_t{0}, split);
  if (helper.joinable())
    helper.join();
  else
    work(split, bytes);
}

// Runs fill(begin, end) over [begin, end) of the memory at `to` a huge page at a time,
// split where the addresses cross one, each faulted in just before it is written: the
// kernel's zeroing leaves the page in the CPU's cache, where the fill then writes
// (faulting all of it in first costs a third more). fill must not throw.
template <class Fill>
void fill_page_by_page(void *to, std::size_t begin, std::size_t end, Fill &&fill) noexcept {
  const auto first = reinterpret_cast<std::uintptr_t>(to);
  while (begin < end) {
    const std::size_t next = std::min<std::size_t>(
        end, ((first + begin + huge_page_bytes) & ~std::uintptr_t{huge_page_bytes - 1}) - first);
    fault_in(static_cast<char *>(to) + begin, next - begin);
    fill(begin, next);
    begin = next;
  }
}

// Fills fresh memory: fill(begin, end) writes [to + begin, to + end). Large memory is
// advised huge pages and filled page by page (see above), both halves at once (see
// in_halves). fill must not throw.
template <class Fill> void fill_fresh(void *to, std::size_t bytes, Fill &&fill) noexcept {
  if (bytes < large_bytes)
    return fill(std::size_t{0}, bytes);
  advise_huge_pages(to, bytes);
  in_halves(to, bytes, [&](std::size_t begin, std::size_t end) {
    fill_page_by_page(to, begin, end, fill);
  });
}

// Copies into fresh memory that arrives in pieces (a value read from a socket a chunk at
// a time, into memory advise_huge_pages covered): page by page, on the caller's thread.
void copy_page_by_page(void *to, const void *from, std::size_t bytes) noexcept;

// The `count` bytes written into empty out's reserved memory become its bytes, as
// take_reserved does for a vector (see cachepy/detail/number_arrays.hpp): libstdc++'s
// append of a pointer and a count copies them onto themselves, a memcpy that glibc
// returns from at once (resize() would zero them first, a pass over all of them before
// the first is written; insert would see an overlap and shift them). Writing past
// size() and copying onto itself are outside what the standard promises; the runtime
// is built with libstdc++ on glibc, and a test checks that no page is touched.
// C++23's resize_and_overwrite says this properly.
inline void take_reserved(std::string &out, std::size_t count) {
  const char *written = out.data();
  out.append(written, count);
}

} // namespace cachepy::detail

#endif
