//===- RuntimeHeader.cpp - Where cachepy/rewritten.hpp is -----------------===//

#include "RuntimeHeader.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace cachepy {

std::string findRuntimeHeader(llvm::StringRef IncludeDir, llvm::StringRef InstalledIncludeDir) {
  llvm::SmallVector<std::string, 3> Dirs;
  if (!IncludeDir.empty())
    Dirs.push_back(IncludeDir.str());
  if (!InstalledIncludeDir.empty())
    Dirs.push_back(InstalledIncludeDir.str());
  Dirs.push_back(CACHEPY_BUILD_TREE_INCLUDE_DIR);
  for (const std::string &Dir : Dirs) {
    llvm::SmallString<256> Header(Dir);
    llvm::sys::path::append(Header, "cachepy", "rewritten.hpp");
    if (llvm::sys::fs::exists(Header)) {
      llvm::sys::fs::make_absolute(Header);
      return std::string(Header);
    }
  }
  return "";
}

} // namespace cachepy
