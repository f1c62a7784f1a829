//===- PCHBuild.cpp - Precompiling the runtime header ---------------------===//

#include "pch/PCHBuild.h"
#include "ClangCompat.h"
#include "HeaderFixes.h"
#include "pch/InputsSidecar.h"

#include "clang/Frontend/FrontendActions.h"
#include "llvm/Support/FileSystem.h"

#include <chrono>
#include <unistd.h>

namespace cachepy::pch {
using namespace clang;

namespace {

class GenerateRuntimePCH : public GeneratePCHAction {
  bool BeginSourceFileAction(CompilerInstance &CI) override {
    installHeaderFixes(CI);
    return GeneratePCHAction::BeginSourceFileAction(CI);
  }
};

} // namespace

bool buildRuntimePCH(CompilerInstance &CI, std::shared_ptr<CompilerInvocation> HeaderInvocation,
                     const std::string &RuntimeHeader, const std::string &Base,
                     std::string &Problem) {
  const std::string Temporary = Base + ".pch.tmp." + std::to_string(::getpid());
  HeaderInvocation->getFrontendOpts().Inputs.emplace_back(RuntimeHeader,
                                                          InputKind(Language::CXX).getHeader());
  HeaderInvocation->getFrontendOpts().OutputFile = Temporary;
  NestedCompilerInstance Builder(CI, std::move(HeaderInvocation), /*ShareFiles=*/false);
  GenerateRuntimePCH Action;
  const llvm::sys::TimePoint<> BuildStart = std::chrono::system_clock::now();
  const bool Built = Builder.ExecuteAction(Action) &&
                     !Builder.getDiagnostics().hasErrorOccurred();
  const std::string Inputs = Built ? listInputs(CI, Temporary, BuildStart) : std::string();
  if (!Built || Inputs.empty() || llvm::sys::fs::rename(Temporary, Base + ".pch") ||
      !writeFileAtomically(Base + ".inputs", Inputs)) {
    llvm::sys::fs::remove(Temporary);
    Problem = Built ? "cannot write in the cache directory" : "the runtime header did not precompile";
    return false;
  }
  return true;
}

} // namespace cachepy::pch
