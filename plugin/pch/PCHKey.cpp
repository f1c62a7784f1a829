//===- PCHKey.cpp - The flags the runtime header is precompiled under -----===//

#include "pch/PCHKey.h"
#include "ClangCompat.h"
#include "NestedParse.h"

#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <dlfcn.h>

namespace cachepy::pch {
using namespace clang;

namespace {

/// Relative paths among the options resolve from the working directory, which then
/// belongs to the key; without them, builds in different directories share a header.
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

/// The plugin's own file, by size and time: a rebuilt plugin builds new headers.
std::string pluginIdentity() {
  Dl_info Info;
  llvm::sys::fs::file_status Status;
  if (!dladdr(reinterpret_cast<void *>(&pluginIdentity), &Info) || !Info.dli_fname ||
      llvm::sys::fs::status(Info.dli_fname, Status))
    return "";
  return std::string(Info.dli_fname) + " " + std::to_string(Status.getSize()) + " " +
         std::to_string(llvm::sys::toTimeT(Status.getLastModificationTime()));
}

} // namespace

std::shared_ptr<CompilerInvocation> headerInvocation(CompilerInstance &CI) {
  // Without the plugin's arguments, the output, the dependency file and the other files
  // named after this compilation's input or output, which would otherwise make every
  // translation unit's key different (and be written by the nested build).
  std::shared_ptr<CompilerInvocation> Invocation = nestedInvocation(CI, frontend::GeneratePCH);
  Invocation->getFrontendOpts().Inputs.clear();
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
  // Warning flags and how diagnostics look leave the header's AST as it is, and a
  // compilation loading the header reports by its own flags (a PCH carries only its
  // pragmas' diagnostic mappings over), so the header is built with clang's defaults.
  resetDiagnosticOptions(*Invocation);
  PreprocessorOptions &PP = Invocation->getPreprocessorOpts();
  PP.Includes.clear(); // -include files come after the runtime, in the compilation
  PP.ImplicitPCHInclude.clear();
  // Templates the header's inline code uses are instantiated once, into the PCH, rather
  // than at the end of every translation unit that loads it (a benign option: such a
  // PCH loads into compilations without it).
  languageOptions(*Invocation).PCHInstantiateTemplates = true;
  return Invocation;
}

std::string headerKey(const CompilerInvocation &HeaderInvocation,
                      const std::string &RuntimeHeader) {
  static const std::string Plugin = pluginIdentity();
  XXH3_state_t State;
  XXH3_128bits_reset(&State);
  auto Add = [&](llvm::StringRef Text) {
    XXH3_128bits_update(&State, Text.data(), Text.size());
    XXH3_128bits_update(&State, "", 1);
  };
  Add(getClangFullVersion());
  Add(Plugin); // a new plugin may patch headers differently (HeaderFixes)
  Add(RuntimeHeader);
  if (hasRelativePaths(HeaderInvocation)) {
    llvm::SmallString<256> WorkingDir;
    llvm::sys::fs::current_path(WorkingDir);
    Add(WorkingDir);
  }
  for (const std::string &Arg : HeaderInvocation.getCC1CommandLine())
    Add(Arg);
  const XXH128_hash_t Digest = XXH3_128bits_digest(&State);
  return llvm::utohexstr(Digest.high64, true, 16) + llvm::utohexstr(Digest.low64, true, 16);
}

} // namespace cachepy::pch
