//===- RuntimePCH.cpp - The runtime header, precompiled once per flag set -===//
//
// Finds the header for this compilation's flags, or builds it; the pieces are in pch/:
// the key, the inputs sidecar, the build, its lock, the directory and the policy.
//
//===----------------------------------------------------------------------===//

#include "RuntimePCH.h"
#include "ClangCompat.h"
#include "pch/BuildLock.h"
#include "pch/InputsSidecar.h"
#include "pch/PCHBuild.h"
#include "pch/PCHDirectory.h"
#include "pch/PCHKey.h"
#include "pch/PCHPolicy.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace cachepy {
using namespace clang;
using namespace cachepy::pch;

RuntimePCH findOrBuildRuntimePCH(CompilerInstance &CI, const std::string &RuntimeHeader,
                                 const std::string &CacheDir) {
  RuntimePCH Result;
  if (CacheDir.empty() || compilationWantsText(CI))
    return Result;
  if (llvm::sys::fs::create_directories(CacheDir)) {
    Result.Problem = "cannot create " + CacheDir;
    return Result;
  }
  std::shared_ptr<CompilerInvocation> Invocation = headerInvocation(CI);
  llvm::SmallString<256> Base(CacheDir);
  llvm::sys::path::append(Base, "runtime-" + headerKey(*Invocation, RuntimeHeader));
  const std::string PCH = std::string(Base) + ".pch";
  const bool Usable = llvm::sys::fs::exists(PCH) &&
                      inputsUnchanged(std::string(Base) + ".inputs", CI.getFileManager());
  if (Usable) {
    markUsed(PCH);
  } else {
    if (!enoughSpace(CacheDir)) {
      Result.Problem = "too little disk space in " + CacheDir;
      return Result;
    }
    const BuildLock Lock(std::string(Base) + ".building");
    if (!Lock.held()) {
      Result.Problem = "another compilation is precompiling it";
      return Result;
    }
    if (!buildRuntimePCH(CI, Invocation, RuntimeHeader, std::string(Base), Result.Problem))
      return Result;
    Result.JustBuilt = true;
    removeUnused(CacheDir, PCH);
  }
  // clang stops a compilation whose PCH was built with other options; check first.
  if (!isAcceptablePCH(CI, PCH)) {
    Result.Problem = "the precompiled runtime does not fit this compilation";
    return Result;
  }
  // Held in memory from here: removing or replacing the file cannot fail the load.
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Bytes =
      CI.getFileManager().getBufferForFile(PCH);
  if (!Bytes || !CI.getFileManager().getOptionalFileRef(PCH)) {
    Result.Problem = "the precompiled runtime could not be read";
    return Result;
  }
  if (!inMemoryModuleCache(CI).lookupPCM(PCH))
    inMemoryModuleCache(CI).addPCM(PCH, std::move(*Bytes));
  Result.Path = PCH;
  return Result;
}

} // namespace cachepy
