//===- Diagnostics.cpp - cachepy's errors as clang diagnostics ------------===//

#include "Diagnostics.h"

namespace cachepy {
using namespace clang;

void reportError(DiagnosticsEngine &Diags, const AttrProblem &Problem) {
  unsigned Id = Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0");
  Diags.Report(Problem.Loc, Id) << Problem.Message;
}

void reportWarning(DiagnosticsEngine &Diags, SourceLocation Loc, llvm::StringRef Message) {
  unsigned Id = Diags.getCustomDiagID(DiagnosticsEngine::Warning, "%0");
  Diags.Report(Loc, Id) << Message;
}

} // namespace cachepy
