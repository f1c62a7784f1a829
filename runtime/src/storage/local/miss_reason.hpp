#ifndef CACHEPY_STORAGE_LOCAL_MISS_REASON_HPP
#define CACHEPY_STORAGE_LOCAL_MISS_REASON_HPP

// Why a call missed, for verbose logs: each function directory keeps a small manifest
// of what its newest entry was computed under (AST hash, version, context).

#include <cachepy/detail/function_site.hpp>
#include <cachepy/detail/key.hpp>

#include <string>

namespace cachepy::detail {

std::string miss_reason(const function_site &site, const std::string &function_dir,
                        const key &context);

// Records the manifest after a store (written only when it changed).
void note_stored(const function_site &site, const std::string &function_dir,
                 const key &context) noexcept;

} // namespace cachepy::detail

#endif
