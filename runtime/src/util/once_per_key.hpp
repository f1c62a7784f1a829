#ifndef CACHEPY_UTIL_ONCE_PER_KEY_HPP
#define CACHEPY_UTIL_ONCE_PER_KEY_HPP

// "Is this the first time, in this process, for this key?", safe across threads:
// for warnings said once and per-directory work done once. Instances are statics made
// with new and never destroyed (`static once_per_key &seen = *new once_per_key;`):
// cached calls made by static destructors and atexit handlers still use them.

#include <mutex>
#include <set>
#include <string>

namespace cachepy::detail {

class once_per_key {
public:
  bool first(const std::string &key) {
    std::lock_guard<std::mutex> lock(mutex_);
    return seen_.insert(key).second;
  }

private:
  std::mutex mutex_;
  std::set<std::string> seen_;
};

} // namespace cachepy::detail

#endif
