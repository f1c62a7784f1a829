//===- RuntimePCH.cpp - The runtime header, precompiled once per flag set -===//

#include "RuntimePCH.h"
#include "ClangCompat.h"
#include "HeaderFixes.h"
#include "NestedParse.h"

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

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <dlfcn.h>
#include <fcntl.h>
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
  Frontend.DisableFree = false; // the driver's -disable-free would leak the nested AST
  // Files named after this compilation's input or output, which would otherwise make
  // every translation unit's key different (and be written by the nested build).
  Frontend.TimeTracePath.clear();
  Frontend.StatsFile.clear();
  Frontend.ShowStats = false;
  Invocation->getDependencyOutputOpts() = DependencyOutputOptions();
  CodeGenOptions &CodeGen = Invocation->getCodeGenOpts();
  CodeGen.MainFileName.clear();
  CodeGen.DebugCompilationDir.clear();
  CodeGen.CoverageCompilationDir.clear();
  CodeGen.CoverageDataFile.clear();
  CodeGen.CoverageNotesFile.clear();
  CodeGen.DwarfDebugFlags.clear();
  CodeGen.RecordCommandLine.clear();
  CodeGen.SplitDwarfFile.clear();
  CodeGen.SplitDwarfOutput.clear();
  CodeGen.OptRecordFile.clear();
  DiagnosticOptions &Diagnostics = Invocation->getDiagnosticOpts();
  Diagnostics.VerifyDiagnostics = false;
  Diagnostics.DiagnosticLogFile.clear();
  Diagnostics.DiagnosticSerializationFile.clear();
  PreprocessorOptions &PP = Invocation->getPreprocessorOpts();
  PP.Includes.clear(); // -include files come after the runtime, in the compilation
  PP.ImplicitPCHInclude.clear();
  // Templates the header's inline code uses are instantiated once, into the PCH, rather
  // than at the end of every translation unit that loads it (a benign option: such a
  // PCH loads into compilations without it).
  languageOptions(*Invocation).PCHInstantiateTemplates = true;
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
  auto Relative = [](llvm::StringRef Path) {
    return !Path.empty() && llvm::sys::path::is_relative(Path);
  };
  if (Relative(Search.ResourceDir))
    return true;
  for (const std::string &Path : Search.VFSOverlayFiles)
    if (Relative(Path))
      return true;
  for (const std::string &Path : Invocation.getPreprocessorOpts().MacroIncludes)
    if (Relative(Path))
      return true;
  return false;
}

std::string keyOf(const CompilerInvocation &Invocation, const std::string &RuntimeHeader,
                  llvm::StringRef PluginIdentity) {
  XXH3_state_t State;
  XXH3_128bits_reset(&State);
  auto Add = [&](llvm::StringRef Text) {
    XXH3_128bits_update(&State, Text.data(), Text.size());
    XXH3_128bits_update(&State, "", 1);
  };
  Add(getClangFullVersion());
  Add(PluginIdentity); // a new plugin may patch headers differently (HeaderFixes)
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
bool inputsUnchanged(const std::string &InputsFile, FileManager &Files) {
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
    // Through the FileManager: what it has seen is what the loading will compare.
    const OptionalFileEntryRef File = Files.getOptionalFileRef(Path);
    if (!File || std::to_string(File->getSize()) != Size ||
        std::to_string(File->getModificationTime()) != Time)
      return false;
  }
  return true;
}

// Lists the header's input files as the sidecar records them. A file changed since
// the build began (an install running meanwhile) makes the list unusable: the header
// may hold its old text.
class InputFileLister : public InputFileVisitor {
public:
  InputFileLister(std::string &Out, llvm::sys::TimePoint<> BuildStart)
      : Out(Out), BuildStart(BuildStart) {}
  bool needsInputFileVisitation() override { return true; }
  bool needsSystemInputFileVisitation() override { return true; }
  bool inputFileSeen(llvm::StringRef Filename) override {
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(Filename, Status)) {
      ChangedMeanwhile = true;
      return true;
    }
    ChangedMeanwhile |= Status.getLastModificationTime() >= BuildStart;
    Out += std::to_string(Status.getSize()) + " " +
           std::to_string(llvm::sys::toTimeT(Status.getLastModificationTime())) + " " +
           Filename.str() + "\n";
    return true;
  }
  bool ChangedMeanwhile = false;

private:
  std::string &Out;
  llvm::sys::TimePoint<> BuildStart;
};

class GenerateRuntimePCH : public GeneratePCHAction {
  bool BeginSourceFileAction(CompilerInstance &CI) override {
    installHeaderFixes(CI);
    return GeneratePCHAction::BeginSourceFileAction(CI);
  }
};

bool writeFileAtomically(const std::string &Path, llvm::StringRef Text) {
  const std::string Temporary = Path + ".tmp." + std::to_string(::getpid());
  std::error_code Error;
  llvm::raw_fd_ostream Out(Temporary, Error);
  if (Error)
    return false;
  Out << Text;
  Out.close();
  if (Out.has_error()) { // a full disk: cleared, or the stream would abort the compiler
    Out.clear_error();
    llvm::sys::fs::remove(Temporary);
    return false;
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
  markNestedParse(*Invocation); // the plugin is loaded in this process: keep it out
  NestedCompilerInstance Builder(CI, std::move(Invocation), /*ShareFiles=*/false);
  GenerateRuntimePCH Action;
  const llvm::sys::TimePoint<> BuildStart = std::chrono::system_clock::now();
  const bool Built = Builder.ExecuteAction(Action) &&
                     !Builder.getDiagnostics().hasErrorOccurred();
  std::string Inputs;
  InputFileLister Lister(Inputs, BuildStart);
  if (Built)
    ASTReader::readASTFileControlBlock(Temporary, CI.getFileManager(), CI.getModuleCache(),
                                       CI.getPCHContainerReader(),
                                       /*FindModuleFileExtensions=*/false, Lister,
                                       /*ValidateDiagnosticOptions=*/false);
  if (!Built || Inputs.empty() || Lister.ChangedMeanwhile ||
      llvm::sys::fs::rename(Temporary, Base + ".pch") ||
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

// Also removes what killed builds left (temporaries, locks) after a day.
void removeUnused(const std::string &CacheDir) {
  std::error_code Error;
  for (llvm::sys::fs::directory_iterator It(CacheDir, Error), End; !Error && It != End;
       It.increment(Error)) {
    const llvm::StringRef Path = It->path();
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(Path, Status))
      continue;
    const std::time_t Age =
        std::time(nullptr) - llvm::sys::toTimeT(Status.getLastModificationTime());
    if (Path.ends_with(".pch") && Age > 30 * Day) {
      llvm::sys::fs::remove(Path);
      llvm::sys::fs::remove(Path.drop_back(4).str() + ".inputs");
    } else if ((Path.contains(".tmp") || Path.ends_with(".building")) && Age > Day) {
      llvm::sys::fs::remove(Path);
    }
  }
}

// One process builds a given header; the others compile with the text meanwhile
// rather than all building it at once (a parallel build's first wave).
class BuildLock {
public:
  explicit BuildLock(std::string Path) : Path(std::move(Path)) {
    Fd = ::open(this->Path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    llvm::sys::fs::file_status Status;
    if (Fd < 0 && !llvm::sys::fs::status(this->Path, Status) &&
        std::time(nullptr) - llvm::sys::toTimeT(Status.getLastModificationTime()) > 600) {
      llvm::sys::fs::remove(this->Path); // its builder died; a build takes seconds
      Fd = ::open(this->Path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    }
  }
  ~BuildLock() {
    if (Fd >= 0) {
      ::close(Fd);
      llvm::sys::fs::remove(Path);
    }
  }
  bool held() const { return Fd >= 0; }

private:
  std::string Path;
  int Fd = -1;
};

// Compilations whose own output is an AST file (a PCH or a module of the user's)
// would record a dependency on the cached header, which may change or go; and some
// kinds of compilation are better left exactly as they were.
bool compilationWantsText(CompilerInstance &CI) {
  const FrontendOptions &Frontend = CI.getFrontendOpts();
  const LangOptions &Lang = CI.getLangOpts();
  const PreprocessorOptions &PP = CI.getPreprocessorOpts();
  switch (Frontend.ProgramAction) {
  case frontend::GeneratePCH:
  case frontend::GenerateModule:
  case frontend::GenerateModuleInterface:
  case frontend::GenerateHeaderUnit:
  case frontend::GenerateInterfaceStubs:
    return true;
  default:
    break;
  }
  return (!Frontend.Inputs.empty() && Frontend.Inputs[0].getKind().isHeader()) ||
         Lang.Modules || Lang.isCompilingModule() || Lang.CUDA || isOpenMPTargetDevice(Lang) ||
         !PP.ImplicitPCHInclude.empty() || !PP.PCHThroughHeader.empty() || PP.PCHWithHdrStop ||
         !Frontend.ModuleFiles.empty() || !CI.getHeaderSearchOpts().PrebuiltModuleFiles.empty() ||
         CI.getCodeGenOpts().DebugTypeExtRefs;
}

// The plugin's own file, by size and time: a rebuilt plugin builds new headers.
std::string pluginIdentity() {
  Dl_info Info;
  llvm::sys::fs::file_status Status;
  if (!dladdr(reinterpret_cast<void *>(&pluginIdentity), &Info) || !Info.dli_fname ||
      llvm::sys::fs::status(Info.dli_fname, Status))
    return "";
  return std::string(Info.dli_fname) + " " + std::to_string(Status.getSize()) + " " +
         std::to_string(llvm::sys::toTimeT(Status.getLastModificationTime()));
}

// Room for a header and the compilation's own output.
bool enoughSpace(const std::string &CacheDir) {
  llvm::ErrorOr<llvm::sys::fs::space_info> Space = llvm::sys::fs::disk_space(CacheDir);
  return Space && Space->available > 512ull * 1024 * 1024;
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
  if (CacheDir.empty() || compilationWantsText(CI))
    return Result;
  if (llvm::sys::fs::create_directories(CacheDir)) {
    Result.Problem = "cannot create " + CacheDir;
    return Result;
  }
  std::shared_ptr<CompilerInvocation> Invocation = headerInvocation(CI);
  static const std::string Plugin = pluginIdentity();
  llvm::SmallString<256> Base(CacheDir);
  llvm::sys::path::append(Base, "runtime-" + keyOf(*Invocation, RuntimeHeader, Plugin));
  const std::string PCH = std::string(Base) + ".pch";
  const bool Usable = llvm::sys::fs::exists(PCH) &&
                      inputsUnchanged(std::string(Base) + ".inputs", CI.getFileManager());
  if (Usable) {
    markUsed(PCH);
  } else {
    removeUnused(CacheDir);
    if (!enoughSpace(CacheDir)) {
      Result.Problem = "too little disk space in " + CacheDir;
      return Result;
    }
    const BuildLock Lock(std::string(Base) + ".building");
    if (!Lock.held()) {
      Result.Problem = "another compilation is precompiling it";
      return Result;
    }
    if (!build(CI, Invocation, RuntimeHeader, std::string(Base), Result.Problem))
      return Result;
    Result.JustBuilt = true;
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
