#include "UserCodeDiagnostics.h"

#include "Diagnostics.h"
#include "RewriteNames.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Regex.h"

#include <memory>
#include <vector>

using namespace clang;

namespace cachepy {
namespace {

/// A header of the runtime: <cachepy/...>, <cachepy/detail/...>, <cachepy/types/...>.
bool inRuntimeHeader(SourceLocation Loc, const SourceManager &SM) {
  static const llvm::Regex Runtime("/cachepy/(detail/|types/)?[^/]+\\.hpp$");
  return Runtime.match(SM.getFilename(SM.getSpellingLoc(Loc)));
}

/// The call the rewrite put in place of a cached body (FunctionRewriter), whose
/// instantiation is noted at the name after ::cachepy::detail::, which no user writes.
bool inRewrittenCall(SourceLocation Loc, const SourceManager &SM) {
  const llvm::StringRef Runtime = runtime::Namespace;
  if (inRuntimeHeader(Loc, SM))
    return false;
  const auto [File, Offset] = SM.getDecomposedLoc(SM.getSpellingLoc(Loc));
  bool Invalid = false;
  const llvm::StringRef Text = SM.getBufferData(File, &Invalid);
  if (Invalid || Offset > Text.size())
    return false;
  return Text.substr(Offset).starts_with(Runtime) || Text.substr(0, Offset).ends_with(Runtime);
}

/// The attribute of the cached function whose rewritten call is at Loc: the nearest
/// before it, on a line the rewrite left as the user wrote it (the call's own line
/// shows the rewritten text).
FullSourceLoc cachedFunctionAttribute(const FullSourceLoc &Loc) {
  const SourceManager &SM = Loc.getManager();
  const auto [File, Offset] = SM.getDecomposedLoc(SM.getSpellingLoc(Loc));
  const size_t At = SM.getBufferData(File).substr(0, Offset).rfind("cachepy::cache_file");
  if (At == llvm::StringRef::npos)
    return Loc;
  return FullSourceLoc(SM.getComposedLoc(File, static_cast<unsigned>(At)), SM);
}

bool hidden(const StoredDiagnostic &Note) {
  const FullSourceLoc &Loc = Note.getLocation();
  return Loc.isValid() &&
         (inRuntimeHeader(Loc, Loc.getManager()) || inRewrittenCall(Loc, Loc.getManager()));
}

/// In a runtime header, or in a header one of them includes (cereal's).
bool reachedThroughRuntime(SourceLocation Loc, const SourceManager &SM) {
  for (SourceLocation At = SM.getExpansionLoc(Loc); At.isValid();
       At = SM.getIncludeLoc(SM.getFileID(At)))
    if (inRuntimeHeader(At, SM))
      return true;
  return false;
}

bool userCode(const FullSourceLoc &Loc) {
  return Loc.isValid() && !Loc.getManager().isInSystemHeader(Loc.getExpansionLoc()) &&
         !inRuntimeHeader(Loc, Loc.getManager()) && !inRewrittenCall(Loc, Loc.getManager());
}

class UserCodeDiagnostics : public DiagnosticConsumer {
public:
  UserCodeDiagnostics(DiagnosticsEngine &Diags, DiagnosticConsumer *Target,
                      std::unique_ptr<DiagnosticConsumer> Owned)
      : Diags(Diags), Owned(std::move(Owned)), Target(Target) {}

  void BeginSourceFile(const LangOptions &LO, const Preprocessor *PP) override {
    Target->BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override {
    reportMoved();
    Target->EndSourceFile();
    takeCounts();
  }
  void finish() override {
    reportMoved();
    Target->finish();
    takeCounts();
  }
  void clear() override {
    Target->clear();
    takeCounts();
  }
  bool IncludeInDiagnosticCounts() const override { return Target->IncludeInDiagnosticCounts(); }

  void HandleDiagnostic(DiagnosticsEngine::Level Level, const Diagnostic &Info) override {
    if (Reporting) {
      forward(Level, Info);
      return;
    }
    if (Level == DiagnosticsEngine::Note) {
      StoredDiagnostic Note(Level, Info);
      if (Collecting)
        Moved.back().Notes.push_back(std::move(Note));
      else if (!hidden(Note))
        forward(Level, Info);
      return;
    }
    Collecting = Level >= DiagnosticsEngine::Error && Info.getLocation().isValid() &&
                 Info.hasSourceManager() &&
                 reachedThroughRuntime(Info.getLocation(), Info.getSourceManager());
    if (Collecting)
      Moved.push_back({StoredDiagnostic(Level, Info), {}});
    else
      forward(Level, Info);
  }

private:
  /// The counts clang prints ("2 errors generated") are the client's: the target's,
  /// which -verify sets to the expectations that failed.
  void takeCounts() {
    NumErrors = Target->getNumErrors();
    NumWarnings = Target->getNumWarnings();
  }
  void forward(DiagnosticsEngine::Level Level, const Diagnostic &Info) {
    Target->HandleDiagnostic(Level, Info);
    takeCounts();
  }

  struct Group {
    StoredDiagnostic Error;
    std::vector<StoredDiagnostic> Notes;
  };

  void reportMoved() {
    Collecting = false;
    Reporting = true;
    for (const Group &G : Moved) {
      // The user's code the instantiation reached first; else the line of the cached
      // function whose rewritten call started it (a type of the signature itself).
      FullSourceLoc User;
      for (const StoredDiagnostic &Note : G.Notes)
        if (User.isInvalid() && userCode(Note.getLocation()))
          User = Note.getLocation();
      for (const StoredDiagnostic &Note : G.Notes)
        if (User.isInvalid() && Note.getLocation().isValid() &&
            inRewrittenCall(Note.getLocation(), Note.getLocation().getManager()))
          User = cachedFunctionAttribute(Note.getLocation());
      if (User.isValid()) {
        Diags.Report(StoredDiagnostic(G.Error.getLevel(), G.Error.getID(), G.Error.getMessage(),
                                      User, {}, {}));
        Diags.Report(StoredDiagnostic(
            DiagnosticsEngine::Note, customId(Diags, DiagnosticIDs::Note, "%0"),
            "required here by the library, while cachepy instantiates your code",
            G.Error.getLocation(), G.Error.getRanges(), {}));
      } else {
        Diags.Report(G.Error);
      }
      for (const StoredDiagnostic &Note : G.Notes)
        if (!hidden(Note))
          Diags.Report(Note);
    }
    Moved.clear();
    Reporting = false;
  }

  DiagnosticsEngine &Diags;
  std::unique_ptr<DiagnosticConsumer> Owned;
  DiagnosticConsumer *Target;
  std::vector<Group> Moved;
  bool Collecting = false;
  bool Reporting = false;
};

} // namespace

void reportAtUserCode(DiagnosticsEngine &Diags) {
  DiagnosticConsumer *Client = Diags.getClient();
  std::unique_ptr<DiagnosticConsumer> Owned = Diags.takeClient();
  Diags.setClient(new UserCodeDiagnostics(Diags, Client, std::move(Owned)),
                  /*ShouldOwnClient=*/true);
}

} // namespace cachepy
