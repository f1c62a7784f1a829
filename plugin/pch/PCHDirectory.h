//===- PCHDirectory.h - The directory the precompiled headers are kept in -===//
//
// A header is "used" when loaded (its modification time, refreshed at most once a
// minute). The directory is bounded: when a header is built, the least recently used
// others go until the directory holds no more than $CACHEPY_PCH_MAX_MB (512 by
// default); headers unused for a month and what killed builds left go too.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_PCH_PCHDIRECTORY_H
#define CACHEPY_PLUGIN_PCH_PCHDIRECTORY_H

#include <cstdint>
#include <string>

namespace cachepy::pch {

void markUsed(const std::string &PCH);

/// Removes what is stale, then the least recently used headers but Kept (the one just
/// built, which stays even alone over the bound) until the directory is within it.
void removeUnused(const std::string &CacheDir, const std::string &Kept);

/// Room for a header and the compilation's own output.
bool enoughSpace(const std::string &CacheDir);

} // namespace cachepy::pch

#endif
