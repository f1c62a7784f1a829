//===- NestedParse.h - Keeps the plugin out of the parses it starts -------===//
//
// Clang offers every loaded plugin each frontend action its process runs, the parses
// cachepy starts itself included (the planning parse, precompiling the runtime).
// Those carry this plugin argument, and the plugin stays out of them.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_NESTEDPARSE_H
#define CACHEPY_PLUGIN_NESTEDPARSE_H

#include "clang/Frontend/CompilerInvocation.h"
#include "llvm/ADT/STLExtras.h"

namespace cachepy {

inline constexpr llvm::StringLiteral PluginName = "cachepy";
inline constexpr llvm::StringLiteral NestedParseArg = "nested-parse";

inline void markNestedParse(clang::CompilerInvocation &Invocation) {
  Invocation.getFrontendOpts().PluginArgs[PluginName.str()] = {NestedParseArg.str()};
}

inline bool isNestedParse(llvm::ArrayRef<std::string> PluginArgs) {
  return llvm::is_contained(PluginArgs, NestedParseArg);
}

} // namespace cachepy

#endif
