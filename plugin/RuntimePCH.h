//===- RuntimePCH.h - The runtime header, precompiled once per flag set ---===//
//
// Every rewritten translation unit includes the runtime (cereal and its archives),
// which takes longer to parse than many translation units themselves. The plugin
// precompiles it once per set of compiler flags into a cache directory and gives the
// compilation the precompiled header instead of the text, as -include-pch would.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_RUNTIMEPCH_H
#define CACHEPY_PLUGIN_RUNTIMEPCH_H

#include "clang/Frontend/CompilerInstance.h"

#include <string>

namespace cachepy {

struct RuntimePCH {
  std::string Path;      ///< empty: none, include the header as text
  bool JustBuilt = false;
  std::string Problem;   ///< why there is none, when something failed
};

/// A precompiled RuntimeHeader (cachepy/rewritten.hpp) that this compilation
/// can load, from CacheDir or built there now. Any doubt (flags it was not built with,
/// a header changed since, a failed build) gives none: the caller then includes the
/// header as text, so the cache can only save time, never break a compilation.
RuntimePCH findOrBuildRuntimePCH(clang::CompilerInstance &CI, const std::string &RuntimeHeader,
                                 const std::string &CacheDir);

/// $CACHEPY_PCH_DIR, else $XDG_CACHE_HOME/cachepy/pch, else ~/.cache/cachepy/pch; empty
/// when none of them is set.
std::string defaultPCHDirectory();

} // namespace cachepy

#endif
