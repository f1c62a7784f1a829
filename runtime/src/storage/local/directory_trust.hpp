#ifndef CACHEPY_STORAGE_LOCAL_DIRECTORY_TRUST_HPP
#define CACHEPY_STORAGE_LOCAL_DIRECTORY_TRUST_HPP

// Whether a cache directory may be used: as git does for a repository (safe.directory),
// a directory another user controls is not read from nor written to unless the user
// listed it. Whoever can write in a directory can plant entries with valid checksums
// (wrong values), FIFOs and symbolic links there, so trusting a directory is trusting
// everyone who can write in it.
//
// A directory is trusted when it is listed in safe_directories ("*" lists every one),
// or when it is owned by this process's effective user and no one else can write in
// it: not writable by others unless sticky, and group-writable only for the user's own
// group (what `umask 002` makes, in a user's private group). A function directory must
// pass the same test, and must not be a symbolic link even inside a listed directory.

#include <string>
#include <string_view>
#include <sys/stat.h>
#include <vector>

namespace cachepy::detail {

// Why a directory with these attributes is not trusted; "" when it is.
std::string ownership_problem(const struct stat &info);

// Whether directory is in safe (exactly, after resolving symbolic links on both sides,
// or safe holds "*").
bool is_listed_safe(const std::string &directory, const std::vector<std::string> &safe);

// Why cache_dir, or function_dir inside it, must not be used; "" when both may (or do
// not exist yet: whoever creates them owns them). The problem names the directory.
std::string cache_directory_problem(std::string_view cache_dir, std::string_view function_dir,
                                    const std::vector<std::string> &safe);

// How a user allows a directory, for the end of a warning.
extern const char *const allow_directory_hint;

} // namespace cachepy::detail

#endif
