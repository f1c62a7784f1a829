//===- RuntimePCH.cpp - The runtime header, precompiled once per flag set -===//

#include "RuntimePCH.h"
#include "HeaderFixes.h"

#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Serialization/ASTReader.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <cstdlib>
#include <ctime>
#include <sys/time.h>
#include <unistd.h>

namespace cachepy {
using namespace clang;

namespace {

// The flags the header is precompiled under: the compilation's own, without what
// names this compilation's input and outputs, so that every translation unit of a
// project built with the same flags shares one precompiled header.
std::shared_ptr<CompilerInvocation> headerInvocation(CompilerInstance &CI) {
  auto Invocation = std::make_shared<CompilerInvocation>(CI.getInvocation());
  FrontendOptions &Frontend = Invocation->getFrontendOpts();
  Frontend.Inputs.clear();
  Frontend.OutputFile.clear();
  Frontend.Plugins.clear();
  Frontend.AddPluginActions.clear();
  Frontend.PluginArgs.clear();
  Frontend.ActionName.clear();
  Frontend.ProgramAction = frontend::GeneratePCH;
  Invocation->getDependencyOutputOpts() = DependencyOutputOptions();
  Invocation->getCodeGenOpts().MainFileName.clear();
  Invocation->getCodeGenOpts().DebugCompilationDir.clear(); // -g: the working directory
  Invocation->getCodeGenOpts().CoverageCompilationDir.clear();
  Invocation->getDiagnosticOpts().VerifyDiagnostics = false;
  PreprocessorOptions &PP = Invocation->getPreprocessorOpts();
  PP.Includes.clear(); // -include files come after the runtime, in the compilation
  PP.ImplicitPCHInclude.clear();
  return Invocation;
}

// Relative paths among the options resolve from the working directory, which then
// belongs to the key; without them, builds in different directories share a header.
bool hasRelativePaths(const CompilerInvocation &Invocation) {
  const HeaderSearchOptions &Search = Invocation.getHeaderSearchOpts();
  if (!Search.Sysroot.empty() && llvm::sys::path::is_relative(Search.Sysroot))
    return true;
  for (const HeaderSearchOptions::Entry &Entry : Search.UserEntries)
    if (llvm::sys::path::is_relative(Entry.Path))
      return true;
  return false;
}

std::string keyOf(const CompilerInvocation &Invocation, const std::string &RuntimeHeader) {
  XXH3_state_t State;
  XXH3_128bits_reset(&State);
  auto Add = [&](llvm::StringRef Text) {
    XXH3_128bits_update(&State, Text.data(), Text.size());
    XXH3_128bits_update(&State, "", 1);
  };
  Add(getClangFullVersion());
  Add(RuntimeHeader);
  if (hasRelativePaths(Invocation)) {
    llvm::SmallString<256> WorkingDir;
    llvm::sys::fs::current_path(WorkingDir);
    Add(WorkingDir);
  }
  for (const std::string &Arg : Invocation.getCC1CommandLine())
    Add(Arg);
  const XXH128_hash_t Digest = XXH3_128bits_digest(&State);
  return llvm::utohexstr(Digest.high64, true, 16) + llvm::utohexstr(Digest.low64, true, 16);
}

// "<size> <mtime> <path>" per file the header was built from: a change to any of them
// (a new libstdc++, an edited runtime header) means building again, where clang
// itself would stop the compilation with an error.
bool inputsUnchanged(const std::string &InputsFile) {
  auto Buffer = llvm::MemoryBuffer::getFile(InputsFile);
  if (!Buffer)
    return false;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n', -1, false);
  if (Lines.empty())
    return false;
  for (llvm::StringRef Line : Lines) {
    auto [Size, Rest] = Line.split(' ');
    auto [Time, Path] = Rest.split(' ');
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(Path, Status) ||
        std::to_string(Status.getSize()) != Size ||
        std::to_string(llvm::sys::toTimeT(Status.getLastModificationTime())) != Time)
      return false;
  }
  return true;
}

class InputFileLister : public ASTReaderListener {
public:
  explicit InputFileLister(std::string &Out) : Out(Out) {}
  bool needsInputFileVisitation() override { return true; }
  bool needsSystemInputFileVisitation() override { return true; }
  bool visitInputFile(llvm::StringRef Filename, bool, bool Overridden, bool) override {
    llvm::sys::fs::file_status Status;
    if (!Overridden && !llvm::sys::fs::status(Filename, Status))
      Out += std::to_string(Status.getSize()) + " " +
             std::to_string(llvm::sys::toTimeT(Status.getLastModificationTime())) + " " +
             Filename.str() + "\n";
    return true;
  }

private:
  std::string &Out;
};

class GenerateRuntimePCH : public GeneratePCHAction {
  bool BeginSourceFileAction(CompilerInstance &CI) override {
    installHeaderFixes(CI);
    return GeneratePCHAction::BeginSourceFileAction(CI);
  }
};

bool writeFileAtomically(const std::string &Path, llvm::StringRef Text) {
  const std::string Temporary = Path + ".tmp." + std::to_string(::getpid());
  {
    std::error_code Error;
    llvm::raw_fd_ostream Out(Temporary, Error);
    if (Error)
      return false;
    Out << Text;
  }
  return !llvm::sys::fs::rename(Temporary, Path);
}

// Builds <Base>.pch, then <Base>.inputs; false (and no files) on failure.
bool build(CompilerInstance &CI, std::shared_ptr<CompilerInvocation> Invocation,
           const std::string &RuntimeHeader, const std::string &Base, std::string &Problem) {
  const std::string Temporary = Base + ".pch.tmp." + std::to_string(::getpid());
  Invocation->getFrontendOpts().Inputs.emplace_back(RuntimeHeader,
                                                    InputKind(Language::CXX).getHeader());
  Invocation->getFrontendOpts().OutputFile = Temporary;
  CompilerInstance Builder(CI.getPCHContainerOperations());
  Builder.setInvocation(std::move(Invocation));
  Builder.createDiagnostics(new IgnoringDiagConsumer(), /*ShouldOwnClient=*/true);
  GenerateRuntimePCH Action;
  const bool Built = Builder.ExecuteAction(Action) &&
                     !Builder.getDiagnostics().hasErrorOccurred();
  std::string Inputs;
  if (Built) {
    InputFileLister Lister(Inputs);
    ASTReader::readASTFileControlBlock(Temporary, CI.getFileManager(), CI.getModuleCache(),
                                       CI.getPCHContainerReader(),
                                       /*FindModuleFileExtensions=*/false, Lister,
                                       /*ValidateDiagnosticOptions=*/false);
  }
  if (!Built || Inputs.empty() || llvm::sys::fs::rename(Temporary, Base + ".pch") ||
      !writeFileAtomically(Base + ".inputs", Inputs)) {
    llvm::sys::fs::remove(Temporary);
    Problem = Inputs.empty() && Built ? "cannot write in the cache directory"
                                      : "the runtime header did not precompile";
    return false;
  }
  return true;
}

// A header is "used" when loaded (its modification time, refreshed at most daily);
// one unused for a month was built for flags no longer in use and is removed when a
// new one is built, so the directory does not grow without bound.
constexpr std::time_t Day = 24 * 60 * 60;

void markUsed(const std::string &PCH) {
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(PCH, Status) &&
      std::time(nullptr) - llvm::sys::toTimeT(Status.getLastModificationTime()) > Day)
    ::utimes(PCH.c_str(), nullptr);
}

void removeUnused(const std::string &CacheDir) {
  std::error_code Error;
  for (llvm::sys::fs::directory_iterator It(CacheDir, Error), End; !Error && It != End;
       It.increment(Error)) {
    const llvm::StringRef Path = It->path();
    llvm::sys::fs::file_status Status;
    if (!Path.ends_with(".pch") || llvm::sys::fs::status(Path, Status) ||
        std::time(nullptr) - llvm::sys::toTimeT(Status.getLastModificationTime()) < 30 * Day)
      continue;
    llvm::sys::fs::remove(Path);
    llvm::sys::fs::remove(Path.drop_back(4).str() + ".inputs");
  }
}

} // namespace

std::string defaultPCHDirectory() {
  if (const char *Dir = std::getenv("CACHEPY_PCH_DIR"); Dir && *Dir)
    return Dir;
  llvm::SmallString<256> Path;
  if (const char *Cache = std::getenv("XDG_CACHE_HOME"); Cache && *Cache)
    Path = Cache;
  else if (const char *Home = std::getenv("HOME"); Home && *Home)
    llvm::sys::path::append(Path, Home, ".cache");
  else
    return "";
  llvm::sys::path::append(Path, "cachepy", "pch");
  return std::string(Path);
}

RuntimePCH findOrBuildRuntimePCH(CompilerInstance &CI, const std::string &RuntimeHeader,
                                 const std::string &CacheDir) {
  RuntimePCH Result;
  if (CacheDir.empty() || CI.getLangOpts().Modules ||
      !CI.getPreprocessorOpts().ImplicitPCHInclude.empty())
    return Result; // a PCH or modules of the user's own: leave them alone
  if (llvm::sys::fs::create_directories(CacheDir)) {
    Result.Problem = "cannot create " + CacheDir;
    return Result;
  }
  std::shared_ptr<CompilerInvocation> Invocation = headerInvocation(CI);
  llvm::SmallString<256> Base(CacheDir);
  llvm::sys::path::append(Base, "runtime-" + keyOf(*Invocation, RuntimeHeader));
  const std::string PCH = std::string(Base) + ".pch";
  const bool Usable = llvm::sys::fs::exists(PCH) && inputsUnchanged(std::string(Base) + ".inputs");
  if (Usable) {
    markUsed(PCH);
  } else {
    removeUnused(CacheDir);
    if (!build(CI, Invocation, RuntimeHeader, std::string(Base), Result.Problem))
      return Result;
    Result.JustBuilt = true;
  }
  // clang stops a compilation whose PCH was built with other options; check first.
  if (!ASTReader::isAcceptableASTFile(PCH, CI.getFileManager(), CI.getModuleCache(),
                                      CI.getPCHContainerReader(), CI.getLangOpts(),
                                      CI.getTargetOpts(), CI.getPreprocessorOpts(),
                                      CI.getHeaderSearchOpts().ModuleCachePath)) {
    Result.Problem = "the precompiled runtime does not fit this compilation";
    return Result;
  }
  Result.Path = PCH;
  return Result;
}

} // namespace cachepy
