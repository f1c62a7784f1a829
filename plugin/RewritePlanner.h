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

#include <string>
#include <vector>

namespace cachepy {

struct RewrittenFile {
  clang::FileEntryRef File;
  std::string Text;
  bool IsMainFile;
};

std::vector<RewrittenFile> planRewrites(clang::CompilerInstance &CI);

} // namespace cachepy

#endif
