//===- CachepyAction.cpp - The plugin: plan, rewrite, hand over -----------===//
//
// Runs before the main action (plain -fplugin= is enough). When the translation unit
// may use cachepy, a planning parse computes the rewritten text of every file holding
// a cached function; the real compilation then reads that text in place of the
// user's files, under the same names and on the same lines, so diagnostics, depfiles
// and debug line tables stay true to the user's sources.
//
// Options (-fplugin-arg-cachepy-<option>):
//   dump-rewrite=<dir>   also write each rewritten file to <dir>/<file name>
//   dump-rewrite=-       ... or to standard output
//   runtime-include=<dir> where cachepy/rewritten.hpp lives (default: found next to
//                         the plugin, then the build tree it came from)
//   trace                 say on stderr what the plugin did with each file, and how
//                         long its planning parse took
//   pch-dir=<dir>         where the precompiled runtime header is kept (default:
//                         $CACHEPY_PCH_DIR, else ~/.cache/cachepy/pch)
//   no-pch                include the runtime header as text (also: CACHEPY_PCH=0)
//
//===----------------------------------------------------------------------===//

#include "AnnotationScan.h"
#include "CallRecords.h"
#include "CheckingConsumer.h"
#include "Diagnostics.h"
#include "HeaderFixes.h"
#include "NestedParse.h"
#include "RewritePlanner.h"
#include "RuntimeHeader.h"
#include "RuntimePCH.h"
#include "UserCodeDiagnostics.h"
#include "util/environment_variables.hpp"

#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cstdlib>
#include <dlfcn.h>

namespace cachepy {
using namespace clang;

namespace {

struct PluginOptions {
  std::string DumpRewrite;
  std::string RuntimeInclude;
  std::string PCHDir = defaultPCHDirectory();
  bool Trace = false;
};

} // namespace

static bool pchDisabledByEnvironment() {
  const char *Value = std::getenv(detail::env_name(detail::env_setting::pch));
  return Value && llvm::StringRef(Value) == "0";
}

/// Installed, the plugin is <prefix>/<libdir>/cachepy/cachepy-plugin.so, and the
/// headers are CACHEPY_INSTALLED_INCLUDE from its folder. Not found, the header is left
/// to the compilation's include path.
static std::string runtimeHeader(const PluginOptions &Options) {
  llvm::SmallString<256> Installed;
  Dl_info Info;
  if (dladdr(reinterpret_cast<void *>(&runtimeHeader), &Info) && Info.dli_fname) {
    Installed = Info.dli_fname;
    llvm::sys::path::remove_filename(Installed);
    llvm::sys::path::append(Installed, CACHEPY_INSTALLED_INCLUDE);
  }
  const std::string Header = findRuntimeHeader(Options.RuntimeInclude, Installed);
  return Header.empty() ? "cachepy/rewritten.hpp" : Header;
}

static void dumpRewrite(const RewrittenFile &File, llvm::StringRef Destination,
                        DiagnosticsEngine &Diags) {
  if (Destination == "-") {
    llvm::outs() << "// cachepy rewrite of " << File.File.getName() << "\n"
                 << File.Text;
    llvm::outs().flush();
    return;
  }
  llvm::SmallString<256> Path(Destination);
  llvm::sys::fs::create_directories(Path);
  llvm::sys::path::append(Path, llvm::sys::path::filename(File.File.getName()));
  std::error_code Error;
  llvm::raw_fd_ostream Out(Path, Error);
  if (Error) {
    report(Diags, {SourceLocation(), DiagId::DumpRewriteFailed,
                   {Path.str().str(), Error.message()}, {}});
    return;
  }
  Out << File.Text;
}

/// The real compilation reads the rewritten text. The main file gets a fresh FileID:
/// the old one's offset range is sized for the original text. The runtime comes
/// precompiled (PCH) when there is one, else as text (RuntimeHeader).
static void installRewrites(CompilerInstance &CI, const std::vector<RewrittenFile> &Files,
                            const std::string &RuntimeHeader, const std::string &PCH) {
  SourceManager &SM = CI.getSourceManager();
  for (const RewrittenFile &File : Files) {
    SM.overrideFileContents(File.File,
                            llvm::MemoryBuffer::getMemBufferCopy(File.Text, File.File.getName()));
    if (File.IsMainFile)
      SM.setMainFileID(SM.createFileID(File.File, SourceLocation(), SrcMgr::C_User));
  }
  // Like -include: the rewritten code needs the runtime even if the user did not
  // include it; its include guard makes a second inclusion free. rewritten.hpp
  // defines CACHEPY_REWRITTEN, which brings the parts only rewritten code uses.
  // It goes after the builtin macros, which the header needs, and before the files
  // named by -include, which may hold cached functions.
  installHeaderFixes(CI);
  if (!PCH.empty()) {
    // Loaded like -include-pch, before the -include files.
    CI.getPreprocessorOpts().ImplicitPCHInclude = PCH;
    return;
  }
  // A PCH of the user's own replaces the predefines when it loads, and rebuilds the
  // -include lines from these options: the runtime goes first among them.
  if (!CI.getPreprocessorOpts().ImplicitPCHInclude.empty())
    CI.getPreprocessorOpts().Includes.insert(CI.getPreprocessorOpts().Includes.begin(),
                                             RuntimeHeader);
  Preprocessor &PP = CI.getPreprocessor();
  std::string Predefines = PP.getPredefines();
  const std::string Runtime = "#include \"" + RuntimeHeader + "\"\n";
  const size_t ForcedIncludes = CI.getPreprocessorOpts().Includes.empty()
                                    ? std::string::npos
                                    : Predefines.find("#include \"");
  Predefines.insert(ForcedIncludes == std::string::npos ? Predefines.size() : ForcedIncludes,
                    Runtime);
  PP.setPredefines(Predefines);
}

static std::string millisecondsSince(std::chrono::steady_clock::time_point Start) {
  return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - Start)
                            .count());
}

namespace {

class CachepyAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    // Why cached functions, if any turn up, are compiled uncached (CheckingConsumer
    // warns at each); empty when they are planned one by one.
    std::optional<DiagId> UncachedReason;
    if (CI.getFrontendOpts().Inputs.size() != 1) {
      UncachedReason = DiagId::UncachedSeveralSources;
    } else if (CI.getFrontendOpts().Inputs[0].getKind().isPreprocessed()) {
      // The source was preprocessed without the plugin (-save-temps, a .ii file):
      // includes are gone and annotated functions can no longer be planned.
      UncachedReason = DiagId::UncachedPreprocessed;
    } else if (!mayUseCachepy(CI)) {
      trace("no mention of cachepy: left untouched", CI);
      UncachedReason = DiagId::UncachedNoMention;
    } else if (!CI.getLangOpts().CPlusPlus17) {
      // The runtime needs C++17: each cached function is an error at its attribute.
      trace("not C++17: left untouched", CI);
    } else {
      const std::string RuntimeHeader = runtimeHeader(Options);
      std::string PCH = precompiledRuntime(CI, RuntimeHeader);
      const bool HadPCH = !PCH.empty();
      const auto Start = std::chrono::steady_clock::now();
      std::vector<RewrittenFile> Files = planRewrites(CI, RuntimeHeader, PCH).Files;
      if (HadPCH && PCH.empty())
        trace("the precompiled runtime did not load: runtime included as text", CI);
      trace("planned in " + millisecondsSince(Start) + " ms, " + std::to_string(Files.size()) +
                " file(s) rewritten",
            CI);
      if (!Files.empty()) {
        installRewrites(CI, Files, RuntimeHeader, PCH);
        reportAtUserCode(CI.getDiagnostics());
        if (!Options.DumpRewrite.empty())
          for (const RewrittenFile &File : Files)
            dumpRewrite(File, Options.DumpRewrite, CI.getDiagnostics());
      }
    }
    // Every translation unit that generates code publishes its functions' call
    // records, so that cached functions elsewhere see changes made here.
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(std::make_unique<CheckingConsumer>(CI, std::move(UncachedReason)));
    if (std::unique_ptr<ASTConsumer> Records = createCallRecordsConsumer(CI))
      Consumers.push_back(std::move(Records));
    return std::make_unique<MultiplexConsumer>(std::move(Consumers));
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    // The planning parse loads this plugin too; it must not plan within itself.
    if (isNestedParse(Args))
      return false;
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    for (llvm::StringRef Arg : Args) {
      auto [Name, Value] = Arg.split('=');
      if (Name == "dump-rewrite" && !Value.empty()) {
        Options.DumpRewrite = Value.str();
      } else if (Name == "runtime-include" && !Value.empty()) {
        Options.RuntimeInclude = Value.str();
      } else if (Name == "pch-dir" && !Value.empty()) {
        Options.PCHDir = Value.str();
      } else if (Arg == "no-pch") {
        Options.PCHDir.clear();
      } else if (Arg == "trace") {
        Options.Trace = true;
      } else {
        report(Diags, {SourceLocation(), DiagId::UnknownPluginOption, {Arg.str()}, {}});
        return false;
      }
    }
    return true;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }

private:
  std::string precompiledRuntime(CompilerInstance &CI, const std::string &RuntimeHeader) {
    if (pchDisabledByEnvironment()) {
      trace("runtime included as text (CACHEPY_PCH=0)", CI);
      return "";
    }
    const auto Start = std::chrono::steady_clock::now();
    const RuntimePCH PCH = findOrBuildRuntimePCH(CI, RuntimeHeader, Options.PCHDir);
    if (PCH.Path.empty())
      trace("runtime included as text" +
                (PCH.Problem.empty() ? std::string() : " (" + PCH.Problem + ")"),
            CI);
    else
      trace(std::string(PCH.JustBuilt ? "runtime precompiled into " : "runtime loaded from ") +
                PCH.Path + " (" + millisecondsSince(Start) + " ms)",
            CI);
    return PCH.Path;
  }

  void trace(const std::string &What, const CompilerInstance &CI) const {
    if (Options.Trace)
      llvm::errs() << "cachepy: " << CI.getFrontendOpts().Inputs[0].getFile() << ": "
                   << What << "\n";
  }

  PluginOptions Options;
};

} // namespace

static FrontendPluginRegistry::Add<CachepyAction>
    Registration(PluginName, "rewrite functions marked [[cachepy::cache_file]] into cached calls");

} // namespace cachepy
