//===- PCHPolicy.cpp - Which compilations get the precompiled runtime -----===//

#include "pch/PCHPolicy.h"
#include "ClangCompat.h"

#include "clang/Lex/HeaderSearchOptions.h"
#include "clang/Lex/PreprocessorOptions.h"

namespace cachepy::pch {
using namespace clang;

namespace {

/// Clang's own modules (-fmodules), under which an include may become an import. Not
/// LangOptions::Modules alone: every C++20 compilation sets it for the named-modules
/// syntax, and a header precompiles as well there as under C++17. -fmodules gives a
/// module cache, module maps or both.
bool usesClangModules(CompilerInstance &CI) {
  const HeaderSearchOptions &Search = CI.getHeaderSearchOpts();
  return CI.getLangOpts().Modules &&
         (!CI.getLangOpts().CPlusPlusModules || !Search.ModuleCachePath.empty() ||
          Search.ImplicitModuleMaps || !CI.getFrontendOpts().ModuleMapFiles.empty());
}

} // namespace

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
         usesClangModules(CI) || Lang.isCompilingModule() || Lang.CUDA || isOpenMPTargetDevice(Lang) ||
         !PP.ImplicitPCHInclude.empty() || !PP.PCHThroughHeader.empty() || PP.PCHWithHdrStop ||
         !Frontend.ModuleFiles.empty() || !CI.getHeaderSearchOpts().PrebuiltModuleFiles.empty() ||
         CI.getCodeGenOpts().DebugTypeExtRefs;
}

} // namespace cachepy::pch
