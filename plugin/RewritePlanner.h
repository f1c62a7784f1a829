//===- RewritePlanner.h - Parses the TU once to plan its rewrite ----------===//
//
// Runs a syntax-only parse of the translation unit in a nested CompilerInstance (the
// real one has not started yet), finds every function carrying cachepy::cache_file
// in the main file and in non-system headers, hashes it and rewrites its text.
// Bodies in system headers are skipped: nothing there is rewritten or hashed.
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

// One cached function as planned, for `cachepy-rewrite --list`.
struct PlannedFunction {
  std::string Location; // file:line
  std::string QualifiedName;
  std::string Options;  // the attribute's arguments, as interpreted
  std::string AstHash;  // 32 hex digits
};

struct TranslationUnitPlan {
  std::vector<RewrittenFile> Files;
  std::vector<PlannedFunction> Functions;
};

// For the plugin: plans the translation unit CI is about to compile. With RuntimePCH
// (see RuntimePCH.h) the parse loads the runtime and the standard headers it includes
// precompiled, as the real compilation will.
TranslationUnitPlan planRewrites(clang::CompilerInstance &CI, const std::string &RuntimePCH);

// For LibTooling: a syntax-only action that fills Plan. Run it with
// annotationLog().InPlanningParse set (CacheFileAttr.h).
std::unique_ptr<clang::FrontendAction> createPlanningAction(TranslationUnitPlan &Plan);

} // namespace cachepy

#endif
