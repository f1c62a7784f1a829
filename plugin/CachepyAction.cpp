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
//   runtime-include=<dir> where cachepy/cachepy.hpp lives (default: found next to
//                         the plugin, then the build tree it came from)
//   trace                 say on stderr what the plugin did with each file, and how
//                         long its planning parse took
//
//===----------------------------------------------------------------------===//

#include "AnnotationScan.h"
#include "CacheFileAttr.h"
#include "CheckingConsumer.h"
#include "HeaderFixes.h"
#include "RewritePlanner.h"

#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <dlfcn.h>

namespace cachepy {
using namespace clang;

namespace {

struct PluginOptions {
  std::string DumpRewrite;
  std::string RuntimeInclude;
  bool Trace = false;
};

// The installed layout is <prefix>/lib/cachepy/cachepy-plugin.so beside
// <prefix>/include/cachepy/cachepy.hpp; a build tree knows its source directory.
std::string findRuntimeHeader(const PluginOptions &Options) {
  llvm::SmallVector<std::string, 3> Dirs;
  if (!Options.RuntimeInclude.empty())
    Dirs.push_back(Options.RuntimeInclude);
  Dl_info Info;
  if (dladdr(reinterpret_cast<void *>(&findRuntimeHeader), &Info) && Info.dli_fname) {
    llvm::SmallString<256> Dir(Info.dli_fname);
    llvm::sys::path::remove_filename(Dir);
    llvm::sys::path::append(Dir, "..", "..", "include");
    Dirs.push_back(std::string(Dir));
  }
  Dirs.push_back(CACHEPY_BUILD_TREE_INCLUDE_DIR);
  for (const std::string &Dir : Dirs) {
    llvm::SmallString<256> Header(Dir);
    llvm::sys::path::append(Header, "cachepy", "cachepy.hpp");
    if (llvm::sys::fs::exists(Header)) {
      llvm::sys::fs::make_absolute(Header);
      return std::string(Header);
    }
  }
  return "cachepy/cachepy.hpp";
}

void dumpRewrite(const RewrittenFile &File, llvm::StringRef Destination,
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
    Diags.Report(Diags.getCustomDiagID(DiagnosticsEngine::Warning,
                                       "cachepy: cannot write the rewrite to '%0': %1"))
        << Path << Error.message();
    return;
  }
  Out << File.Text;
}

// The real compilation reads the rewritten text. The main file gets a fresh FileID:
// the old one's offset range is sized for the original text.
void installRewrites(CompilerInstance &CI, const std::vector<RewrittenFile> &Files,
                     const std::string &RuntimeHeader) {
  SourceManager &SM = CI.getSourceManager();
  for (const RewrittenFile &File : Files) {
    SM.overrideFileContents(File.File,
                            llvm::MemoryBuffer::getMemBufferCopy(File.Text, File.File.getName()));
    if (File.IsMainFile)
      SM.setMainFileID(SM.createFileID(File.File, SourceLocation(), SrcMgr::C_User));
  }
  // Like -include: the rewritten code needs the runtime even if the user did not
  // include it; its include guard makes a second inclusion free. CACHEPY_REWRITTEN
  // makes the header bring the parts only rewritten code uses.
  // It goes after the builtin macros, which the header needs, and before the files
  // named by -include, which may hold cached functions.
  Preprocessor &PP = CI.getPreprocessor();
  std::string Predefines = PP.getPredefines();
  const std::string Runtime =
      "#define CACHEPY_REWRITTEN 1\n#include \"" + RuntimeHeader + "\"\n";
  const size_t ForcedIncludes = CI.getPreprocessorOpts().Includes.empty()
                                    ? std::string::npos
                                    : Predefines.find("#include \"");
  Predefines.insert(ForcedIncludes == std::string::npos ? Predefines.size() : ForcedIncludes,
                    Runtime);
  PP.setPredefines(Predefines);
  installHeaderFixes(CI);
}

class CachepyAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    if (CI.getFrontendOpts().Inputs.size() == 1 &&
        CI.getFrontendOpts().Inputs[0].getKind().isPreprocessed()) {
      // The source was preprocessed without the plugin (-save-temps, a .ii file):
      // includes are gone and annotated functions can no longer be planned.
      if (mayUseCachepy(CI))
        CI.getDiagnostics().Report(CI.getDiagnostics().getCustomDiagID(
            DiagnosticsEngine::Warning,
            "cachepy cannot rewrite preprocessed input (-save-temps or a .ii file); "
            "its cached functions are compiled uncached"));
    } else if (!mayUseCachepy(CI)) {
      trace("no mention of cachepy: left untouched", CI);
    } else {
      const auto Start = std::chrono::steady_clock::now();
      std::vector<RewrittenFile> Files = planRewrites(CI).Files;
      trace("planned in " +
                std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                   std::chrono::steady_clock::now() - Start)
                                   .count()) +
                " ms, " + std::to_string(Files.size()) + " file(s) rewritten",
            CI);
      if (!Files.empty()) {
        installRewrites(CI, Files, findRuntimeHeader(Options));
        if (!Options.DumpRewrite.empty())
          for (const RewrittenFile &File : Files)
            dumpRewrite(File, Options.DumpRewrite, CI.getDiagnostics());
      }
    }
    return std::make_unique<CheckingConsumer>(CI.getDiagnostics());
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    // The planning parse loads this plugin too; it must not plan within itself.
    if (annotationLog().InPlanningParse)
      return false;
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    for (llvm::StringRef Arg : Args) {
      auto [Name, Value] = Arg.split('=');
      if (Name == "dump-rewrite" && !Value.empty()) {
        Options.DumpRewrite = Value.str();
      } else if (Name == "runtime-include" && !Value.empty()) {
        Options.RuntimeInclude = Value.str();
      } else if (Arg == "trace") {
        Options.Trace = true;
      } else {
        Diags.Report(Diags.getCustomDiagID(
            DiagnosticsEngine::Error,
            "unknown cachepy plugin option '%0'; expected dump-rewrite=<dir|->,"
            " runtime-include=<dir> or trace"))
            << Arg;
        return false;
      }
    }
    return true;
  }

  ActionType getActionType() override { return AddBeforeMainAction; }

private:
  void trace(const std::string &What, const CompilerInstance &CI) const {
    if (Options.Trace)
      llvm::errs() << "cachepy: " << CI.getFrontendOpts().Inputs[0].getFile() << ": "
                   << What << "\n";
  }

  PluginOptions Options;
};

FrontendPluginRegistry::Add<CachepyAction> Registration(
    "cachepy", "rewrite functions marked [[cachepy::cache_file]] into cached calls");

} // namespace
} // namespace cachepy
