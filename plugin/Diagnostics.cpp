//===- Diagnostics.cpp - cachepy's errors as clang diagnostics ------------===//

#include "Diagnostics.h"

#include "clang/Frontend/ChainedDiagnosticConsumer.h"

namespace cachepy {
using namespace clang;

namespace {

struct DiagInfo {
  const char *Group; ///< "" for an error
  const char *Message;
  const char *Note;
};

constexpr DiagInfo Infos[] = {
#define CACHEPY_ERROR(Name, Message, Note) {"", Message, Note},
#define CACHEPY_WARNING(Name, Group, Message, Note) {Group, Message, Note},
#include "Diagnostics.def"
};

enum class WarningState { Ignored, Warning, Error };

/// Follows clang's rules for one group: options apply in order, -Wno-X turns it off,
/// -WX and -Werror=X on, -Werror=X and -Wno-error=X set whether it is an error, as
/// -Werror and -Wno-error do for all; -w silences all. A sub-group's warning also
/// answers to "cachepy". (Clang applies none of these to a custom diagnostic.)
WarningState warningState(const DiagnosticsEngine &Diags, llvm::StringRef Group) {
  if (Diags.getIgnoreAllWarnings())
    return WarningState::Ignored;
  bool Enabled = true;
  bool AsError = false;
  for (llvm::StringRef Option : Diags.getDiagnosticOptions().Warnings) {
    const bool No = Option.consume_front("no-");
    if (Option == "error") {
      AsError = !No;
      continue;
    }
    const bool ErrorOption = Option.consume_front("error=");
    if (Option != "cachepy" && Option != Group)
      continue;
    if (ErrorOption) {
      AsError = !No;
      Enabled |= !No;
    } else {
      Enabled = !No;
    }
  }
  if (!Enabled)
    return WarningState::Ignored;
  return AsError ? WarningState::Error : WarningState::Warning;
}

} // namespace

unsigned customId(DiagnosticsEngine &Diags, DiagnosticIDs::Level Level, llvm::StringRef Format) {
  return Diags.getDiagnosticIDs()->getCustomDiagID(Level, Format);
}

void report(DiagnosticsEngine &Diags, const AttrProblem &Problem) {
  const DiagInfo &Info = Infos[static_cast<size_t>(Problem.Id)];
  DiagnosticIDs::Level Level = DiagnosticIDs::Error;
  std::string Message = Info.Message;
  if (*Info.Group) {
    WarningState State = warningState(Diags, Info.Group);
    if (State == WarningState::Ignored)
      return;
    Level = State == WarningState::Error ? DiagnosticIDs::Error : DiagnosticIDs::Warning;
    // Clang shows a group only for its own warnings: named here, as clang-tidy names checks.
    Message += std::string(" [-W") + Info.Group + "]";
  }
  {
    DiagnosticBuilder Builder = Diags.Report(Problem.Loc, customId(Diags, Level, Message));
    for (const std::string &Arg : Problem.Args)
      Builder << Arg;
    if (Problem.Fix)
      Builder << *Problem.Fix;
  }
  if (!*Info.Note)
    return;
  DiagnosticBuilder Note = Diags.Report(Problem.NoteLoc.isValid() ? Problem.NoteLoc : Problem.Loc,
                                        customId(Diags, DiagnosticIDs::Note, Info.Note));
  for (const std::string &Arg : Problem.Args)
    Note << Arg;
}

llvm::StringRef closestMatch(llvm::StringRef Typed, llvm::ArrayRef<llvm::StringRef> Candidates) {
  llvm::StringRef Best;
  unsigned BestDistance = (Typed.size() + 2) / 3 + 1;
  for (llvm::StringRef Candidate : Candidates) {
    unsigned Distance = Typed.edit_distance(Candidate, /*AllowReplacements=*/true, BestDistance);
    if (Distance < BestDistance) {
      Best = Candidate;
      BestDistance = Distance;
    }
  }
  return Best;
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
