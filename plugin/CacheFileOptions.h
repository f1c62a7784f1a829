//===- CacheFileOptions.h - What a cache_file attribute asks for ----------===//
//
// Checks the parsed arguments against the attribute's schema (known keys, the kind
// of each value) and turns them into the options the rewriter needs.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_CACHEFILEOPTIONS_H
#define CACHEPY_PLUGIN_CACHEFILEOPTIONS_H

#include "AttributeArgs.h"

#include <optional>
#include <string>
#include <variant>

namespace cachepy {

struct CacheFileOptions {
  std::optional<std::string> CacheDirExpr; // C++ source text, evaluated per call
  std::string Version;
  bool Verbose = false;
};

std::variant<CacheFileOptions, AttrProblem>
interpretCacheFileArgs(const CacheFileArgs &Args);

} // namespace cachepy

#endif
