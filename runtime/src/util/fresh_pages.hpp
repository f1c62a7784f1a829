#ifndef CACHEPY_UTIL_FRESH_PAGES_HPP
#define CACHEPY_UTIL_FRESH_PAGES_HPP

// Filling fresh memory of many megabytes (an array's, a value's from a remote): huge
// pages for it, each faulted in by the kernel just before it is written, and a second
// thread faulting in the second half meanwhile, since faulting in (the kernel zeroes
// each page) and copying each run at the speed of one core's memory traffic, not of
// the memory. All of it is fresh_pages'; the writes themselves are the owner's
// (appends to a vector or a string), so nothing but the kernel touches memory past a
// container's size.

#include <cstddef>
#include <thread>
#include <utility>

namespace cachepy::detail {

// Asks for huge pages over the part of [data, data + bytes) they can cover.
void advise_huge_pages(const void *data, std::size_t bytes) noexcept;

// Faults [data, data + bytes) in with one call; false if the kernel refuses.
bool fault_in(const void *data, std::size_t bytes) noexcept;

constexpr std::size_t huge_page_bytes = 2 * 1024 * 1024;
// Smaller fresh memory is left to the allocator as it is.
constexpr std::size_t large_bytes = 2 * huge_page_bytes;
// Below this a second thread costs more to start than it saves.
constexpr std::size_t two_threads_bytes = 4 * huge_page_bytes;

// How fresh_pages starts its helper; a test passes one that fails.
struct start_thread {
  template <class F> std::thread operator()(F &&f) const { return std::thread(std::forward<F>(f)); }
};

// Fresh memory at `to`, filled in order a piece at a time by whoever owns it: from
// large_bytes on, advised huge pages, each piece faulted in just before it is written
// (the kernel's zeroing leaves it in the CPU's cache, where the write then goes), and,
// from two_threads_bytes on, the second half faulted in by a helper thread meanwhile.
// The plain fallback: without huge pages, without the helper (no thread) or where the
// kernel refuses to fault in ahead (before 5.14), the writes fault the pages in
// themselves; slower, the same result.
class fresh_pages {
public:
  template <class Start = start_thread>
  fresh_pages(void *to, std::size_t bytes, Start start = {}) noexcept
      : to_(static_cast<char *>(to)), ahead_(bytes >= large_bytes) {
    if (!ahead_)
      return;
    advise_huge_pages(to, bytes);
    if (bytes < two_threads_bytes)
      return;
    try {
      helper_ = start([this, bytes] { fault_in(to_ + bytes / 2, bytes - bytes / 2); });
    } catch (...) { // no thread (std::system_error) or no memory for its state
    }
  }
  fresh_pages(const fresh_pages &) = delete;
  fresh_pages &operator=(const fresh_pages &) = delete;
  ~fresh_pages() {
    if (helper_.joinable())
      helper_.join();
  }

  // Whether a helper thread faults in the second half.
  bool helped() const { return helper_.joinable(); }

  // Before [begin, end) of it is written. After a refusal the writes fault pages in.
  void before_writing(std::size_t begin, std::size_t end) noexcept {
    if (ahead_ && end > begin)
      ahead_ = fault_in(to_ + begin, end - begin);
  }

private:
  char *to_;
  bool ahead_; // faulting in ahead of the writes

  std::thread helper_;
};

} // namespace cachepy::detail

#endif
