//===- Diagnostics.cpp - cachepy's errors as clang diagnostics ------------===//

#include "Diagnostics.h"

#include "clang/Frontend/ChainedDiagnosticConsumer.h"

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

void ErrorLocations::HandleDiagnostic(DiagnosticsEngine::Level Level,
                                      const Diagnostic &Info) {
  if (Level >= DiagnosticsEngine::Error && Info.hasSourceManager() && Info.getLocation().isValid())
    Errors.push_back(Info.getSourceManager().getFileLoc(Info.getLocation()));
}

bool ErrorLocations::anyWithin(SourceRange Range, const SourceManager &SM) const {
  for (SourceLocation Error : Errors)
    if (SM.isPointWithin(Error, SM.getFileLoc(Range.getBegin()), SM.getFileLoc(Range.getEnd())))
      return true;
  return false;
}

const ErrorLocations &recordErrorLocations(DiagnosticsEngine &Diags) {
  auto Recorder = std::make_unique<ErrorLocations>();
  const ErrorLocations &Recorded = *Recorder;
  DiagnosticConsumer *Client = Diags.getClient();
  std::unique_ptr<DiagnosticConsumer> OwnedClient = Diags.takeClient();
  auto Both = OwnedClient ? std::make_unique<ChainedDiagnosticConsumer>(std::move(OwnedClient),
                                                                         std::move(Recorder))
                          : std::make_unique<ChainedDiagnosticConsumer>(Client,
                                                                         std::move(Recorder));
  Diags.setClient(Both.release(), /*ShouldOwnClient=*/true);
  return Recorded;
}

} // namespace cachepy
