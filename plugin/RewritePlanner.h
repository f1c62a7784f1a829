//===- RewritePlanner.h - Parses the TU once to plan its rewrite ----------===//
//
// Runs a syntax-only parse of the translation unit in a nested CompilerInstance (the
// real one has not started yet), finds every function carrying cachepy::cache_file
// in the main file and in the user's headers (-isystem ones included), hashes it and
// rewrites its text. Bodies in the compiler's own headers (CompilerHeaders.h) are
// skipped: nothing there is rewritten or hashed.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_REWRITEPLANNER_H
#define CACHEPY_PLUGIN_REWRITEPLANNER_H

#include "clang/Basic/FileEntry.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"

#include <memory>

#include <string>
#include <vector>

namespace cachepy {

struct RewrittenFile {
  clang::FileEntryRef File;
  std::string Text;
  bool IsMainFile;
};

/// One cached function as planned, for `cachepy-rewrite --list`.
struct PlannedFunction {
  std::string Location; ///< file:line
  std::string QualifiedName;
  std::string Options;  ///< the attribute's arguments, as interpreted
  std::string AstHash;  ///< 32 hex digits
};

struct TranslationUnitPlan {
  std::vector<RewrittenFile> Files;
  std::vector<PlannedFunction> Functions;
  bool SawRuntime = false; ///< cachepy/rewritten.hpp was part of the parse
};

/// For the plugin: plans the translation unit CI is about to compile. Like the real
/// compilation, the parse begins with the runtime (RuntimeHeader), from its precompiled
/// form when RuntimePCH names one (see RuntimePCH.h): what the user's code finds through
/// the runtime (cereal, the standard headers it includes) then resolves the same way,
/// and the AST hashes are the same with or without the PCH. A PCH that fails to load is
/// cleared from RuntimePCH, and the plan made with the text.
TranslationUnitPlan planRewrites(clang::CompilerInstance &CI, const std::string &RuntimeHeader,
                                 std::string &RuntimePCH);

/// For LibTooling: a syntax-only action that adds each translation unit it parses to
/// Plan.
std::unique_ptr<clang::FrontendAction> createPlanningAction(TranslationUnitPlan &Plan);

} // namespace cachepy

#endif
