//===- NestedParse.h - Keeps the plugin out of the parses it starts -------===//
//
// Clang offers every loaded plugin each frontend action its process runs, the parses
// cachepy starts itself included (the planning parse, precompiling the runtime).
// Those carry this plugin argument, and the plugin stays out of them.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_NESTEDPARSE_H
#define CACHEPY_PLUGIN_NESTEDPARSE_H

#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "llvm/ADT/STLExtras.h"

#include <memory>

namespace cachepy {

inline constexpr llvm::StringLiteral PluginName = "cachepy";
inline constexpr llvm::StringLiteral NestedParseArg = "nested-parse";

/// The compilation's invocation, made into a parse of cachepy's own that runs Action
/// and writes nothing: no plugin actions nor plugin arguments (but the mark that keeps
/// this plugin out), no output, dependency, statistics or time-trace file. What the
/// planning parse runs and what names the precompiled runtime (pch/PCHKey.cpp) both
/// start from here, so the plugin's own arguments never reach either.
std::shared_ptr<clang::CompilerInvocation> nestedInvocation(clang::CompilerInstance &CI,
                                                            clang::frontend::ActionKind Action);

inline bool isNestedParse(llvm::ArrayRef<std::string> PluginArgs) {
  return llvm::is_contained(PluginArgs, NestedParseArg);
}

} // namespace cachepy

#endif
