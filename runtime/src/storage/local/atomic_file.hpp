#ifndef CACHEPY_STORAGE_LOCAL_ATOMIC_FILE_HPP
#define CACHEPY_STORAGE_LOCAL_ATOMIC_FILE_HPP

// The one way the local store writes a file others may be reading (an entry, a
// manifest, a hit log): into a temporary beside it, named by layout.hpp so that the
// debris cleaner knows it, then renamed over it. A reader sees the old file or the
// whole new one, never a part.

#include <cachepy/detail/function_ref.hpp>

#include "../../config/settings.hpp"

#include <string>
#include <string_view>

namespace cachepy::detail {

// not_created: the temporary could not be made (the directory refuses it);
// not_written: filling, syncing, closing or renaming it failed.
enum class atomic_write { done, not_created, not_written };

// Writes path's new content through `fill` (given the temporary's descriptor; false
// when it failed, errno saying why). durability::file fsyncs the temporary before the
// rename, durability::full also the directory after it. Unless done, errno says why,
// and neither the temporary nor a new file is left; an exception from `fill`
// propagates, the temporary removed too.
atomic_write write_atomically(const std::string &path, function_ref<bool(int fd)> fill,
                              durability level = durability::none);

// `content` as path's whole new content.
atomic_write write_atomically(const std::string &path, std::string_view content);

} // namespace cachepy::detail

#endif
