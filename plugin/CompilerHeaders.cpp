//===- CompilerHeaders.cpp - Which headers come with the compiler --------===//

#include "CompilerHeaders.h"
#include "ClangCompat.h"

#include "clang/Basic/TargetOptions.h"
#include "clang/Driver/Compilation.h"
#include "clang/Driver/Driver.h"
#include "clang/Lex/HeaderSearchOptions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace cachepy {
using namespace clang;

namespace {

/// The include directories clang's driver passes to cc1 by itself for this target,
/// sysroot, resource directory, language and C++ standard library.
std::vector<std::string> driverIncludeDirs(const CompilerInstance &CI) {
  const HeaderSearchOptions &Search = CI.getHeaderSearchOpts();
  QuietDiagnostics Quiet;
  driver::Driver Driver(llvm::sys::fs::getMainExecutable(nullptr, nullptr),
                        CI.getTargetOpts().Triple, Quiet.engine(), "clang",
                        &CI.getVirtualFileSystem());
  Driver.ResourceDir = Search.ResourceDir;
  std::vector<std::string> Args = {"clang", "-fsyntax-only", "-x",
                                   CI.getLangOpts().CPlusPlus ? "c++" : "c", "-"};
  if (!Search.Sysroot.empty() && Search.Sysroot != "/")
    Args.push_back("--sysroot=" + Search.Sysroot);
  if (Search.UseLibcxx)
    Args.push_back("-stdlib=libc++");
  std::vector<const char *> Argv;
  for (const std::string &Arg : Args)
    Argv.push_back(Arg.c_str());
  std::unique_ptr<driver::Compilation> Compilation(Driver.BuildCompilation(Argv));
  std::vector<std::string> Dirs;
  if (!Compilation)
    return Dirs;
  for (const driver::Command &Job : Compilation->getJobs()) {
    const llvm::opt::ArgStringList &JobArgs = Job.getArguments();
    for (size_t I = 0; I + 1 < JobArgs.size(); ++I)
      if (llvm::StringRef(JobArgs[I]) == "-internal-isystem" ||
          llvm::StringRef(JobArgs[I]) == "-internal-externc-isystem")
        Dirs.push_back(JobArgs[I + 1]);
  }
  return Dirs;
}

/// Where the preprocessor searches for an -I/-isystem/... entry (-iwithsysroot is
/// under the sysroot).
std::string searchPath(const HeaderSearchOptions::Entry &Entry, llvm::StringRef Sysroot) {
  if (Entry.IgnoreSysRoot || Sysroot.empty() || Sysroot == "/" ||
      !llvm::sys::path::is_absolute(Entry.Path))
    return Entry.Path;
  return (Sysroot + Entry.Path).str();
}

} // namespace

CompilerHeaders::CompilerHeaders(CompilerInstance &CI) : Files(CI.getFileManager()) {
  for (const std::string &Dir : driverIncludeDirs(CI))
    if (OptionalDirectoryEntryRef Entry = Files.getOptionalDirectoryRef(Dir))
      CompilerDirs.insert(&Entry->getDirEntry());
  const HeaderSearchOptions &Search = CI.getHeaderSearchOpts();
  for (const HeaderSearchOptions::Entry &Entry : Search.UserEntries) {
    if (Entry.IsFramework)
      continue;
    const std::string Path = searchPath(Entry, Search.Sysroot);
    OptionalDirectoryEntryRef Dir = Files.getOptionalDirectoryRef(Path);
    if (!Dir)
      continue;
    if (Entry.Group == frontend::ExternCSystem) // libc: only the driver adds these
      CompilerDirs.insert(&Dir->getDirEntry());
    else if (!CompilerDirs.contains(&Dir->getDirEntry()) &&
             UserDirs.insert(&Dir->getDirEntry()).second)
      UserSearchDirs.push_back(Path);
  }
}

bool CompilerHeaders::contains(llvm::StringRef Path) {
  return directoryIsCompilers(llvm::sys::path::parent_path(Path));
}

bool CompilerHeaders::contains(SourceLocation Loc, const SourceManager &SM) {
  if (!SM.isInSystemHeader(Loc)) // found through no system directory at all
    return false;
  OptionalFileEntryRef File = SM.getFileEntryRefForID(SM.getFileID(SM.getExpansionLoc(Loc)));
  return File && contains(File->getName());
}

bool CompilerHeaders::directoryIsCompilers(llvm::StringRef Dir) {
  if (Dir.empty()) // outside every include directory: the user's
    return false;
  if (auto Known = Verdicts.find(Dir); Known != Verdicts.end())
    return Known->second;
  OptionalDirectoryEntryRef Entry = Files.getOptionalDirectoryRef(Dir);
  bool Verdict;
  if (Entry && UserDirs.contains(&Entry->getDirEntry()))
    Verdict = false;
  else if (Entry && CompilerDirs.contains(&Entry->getDirEntry()))
    Verdict = true;
  else
    Verdict = directoryIsCompilers(llvm::sys::path::parent_path(Dir));
  Verdicts[Dir] = Verdict;
  return Verdict;
}

} // namespace cachepy
