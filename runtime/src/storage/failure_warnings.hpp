#ifndef CACHEPY_STORAGE_FAILURE_WARNINGS_HPP
#define CACHEPY_STORAGE_FAILURE_WARNINGS_HPP

// The one place where storage failures become warnings: each worded here, and said
// once per place (a function directory, an entry file, a remote), so that a broken
// cache gives one line, not one per call.

#include "storage_failure.hpp"

#include <optional>
#include <string_view>

namespace cachepy::detail {

// `place` names where it happened: the function directory of not_writable and
// gave_up_waiting, the entry file or remote of damaged_entry, the remote (its URL
// without credentials) of remote_failed and remote_refused, the cache directory of
// untrusted_directory; malformed_remote and no_remote_module have none. The failure's
// advice, if any, ends the warning in parentheses.
void warn_once(const storage_failure &failure, std::string_view place) noexcept;
void warn_once(const std::optional<storage_failure> &failure, std::string_view place) noexcept;

} // namespace cachepy::detail

#endif
