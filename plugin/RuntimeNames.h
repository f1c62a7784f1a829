//===- RuntimeNames.h - The runtime's names, as the rewritten code spells them ===//
//
// Built from the runtime's rewrite contract (cachepy/detail/rewrite_contract.hpp),
// which the runtime builds from too: the plugin writes no runtime name of its own.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_RUNTIMENAMES_H
#define CACHEPY_PLUGIN_RUNTIMENAMES_H

#include "cachepy/detail/rewrite_contract.hpp"

#include "llvm/ADT/StringRef.h"

namespace cachepy::runtime {

/// The namespace the names below are in, "::cachepy::detail::".
inline constexpr llvm::StringLiteral Namespace = CACHEPY_REWRITE_NAMESPACE;

/// One constant per name: runtime::call is "::cachepy::detail::call".
#define CACHEPY_RUNTIME_NAME(Name)                                                                 \
  inline constexpr llvm::StringLiteral Name = CACHEPY_REWRITE_SPELLING(Name);
CACHEPY_REWRITE_NAMES(CACHEPY_RUNTIME_NAME)
#undef CACHEPY_RUNTIME_NAME

/// The rewrite's ABI number, which every site passes to the runtime.
inline constexpr unsigned RewriteAbi = CACHEPY_REWRITE_ABI;

} // namespace cachepy::runtime

#endif
