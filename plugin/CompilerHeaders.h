//===- CompilerHeaders.h - Which headers come with the compiler ----------===//
//
// The compiler's own headers (clang's, the C++ standard library's, libc's) never hold
// cachepy's attribute, so the plugin neither scans them for "cachepy" nor parses or
// hashes their function bodies. They are the ones found through the include
// directories clang's driver adds by itself (-internal-isystem and
// -internal-externc-isystem). Every other header is the user's, however it is found:
// -I, -iquote, and -isystem too (the include directories of CMake's imported targets,
// installed header-only libraries), though clang calls those system headers.
//
// cc1 keeps -isystem and -internal-isystem directories alike, so the driver is asked
// which directories it adds for this target. A directory it would not add (another
// -stdlib, --gcc-toolchain) counts as the user's: that costs time, never a cached
// function.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_COMPILERHEADERS_H
#define CACHEPY_PLUGIN_COMPILERHEADERS_H

#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"

#include <string>
#include <vector>

namespace cachepy {

class CompilerHeaders {
public:
  explicit CompilerHeaders(clang::CompilerInstance &CI);

  /// Path names a header as found: a search directory or the including file's
  /// directory, joined with the name it was included by. The nearest enclosing
  /// include directory decides: -isystem /usr/include/eigen3 is the user's, though
  /// /usr/include is the compiler's.
  bool contains(llvm::StringRef Path);
  bool contains(clang::SourceLocation Loc, const clang::SourceManager &SM);

  /// The compilation's include directories that are the user's, in search order.
  const std::vector<std::string> &userSearchDirs() const { return UserSearchDirs; }

private:
  bool directoryIsCompilers(llvm::StringRef Dir);

  clang::FileManager &Files;
  llvm::DenseSet<const clang::DirectoryEntry *> CompilerDirs;
  llvm::DenseSet<const clang::DirectoryEntry *> UserDirs;
  std::vector<std::string> UserSearchDirs;
  llvm::StringMap<bool> Verdicts; ///< by the directory a header is in
};

} // namespace cachepy

#endif
