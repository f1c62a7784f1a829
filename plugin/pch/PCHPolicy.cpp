//===- PCHPolicy.cpp - Which compilations get the precompiled runtime -----===//

#include "pch/PCHPolicy.h"
#include "ClangCompat.h"

#include "clang/Lex/PreprocessorOptions.h"

namespace cachepy::pch {
using namespace clang;

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

} // namespace cachepy::pch
