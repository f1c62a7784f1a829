//===- Diagnostics.h - cachepy's errors as clang diagnostics --------------===//

#ifndef CACHEPY_PLUGIN_DIAGNOSTICS_H
#define CACHEPY_PLUGIN_DIAGNOSTICS_H

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"

#include <optional>
#include <string>
#include <vector>

namespace cachepy {

/// One per message (Diagnostics.def).
enum class DiagId {
#define CACHEPY_ERROR(Name, Message, Note) Name,
#define CACHEPY_WARNING(Name, Group, Message, Note) Name,
#include "Diagnostics.def"
};

/// A diagnostic to report: where, which, the values of its %0, %1..., a fix-it where
/// the fix is obvious, and where its note goes when not at Loc (the declaration the
/// problem comes from, as clang's "declared here" notes).
struct AttrProblem {
  clang::SourceLocation Loc;
  DiagId Id;
  std::vector<std::string> Args;
  std::optional<clang::FixItHint> Fix;
  clang::SourceLocation NoteLoc = {};
};

/// Reports Problem, then its note if it has one. A warning goes by the -W options of
/// its group (-Wcachepy, -Wno-cachepy-uncached, -Werror=cachepy...), which clang does
/// not know, so they are read from the diagnostic options here.
void report(clang::DiagnosticsEngine &Diags, const AttrProblem &Problem);

/// The ID of a diagnostic of clang's kind Level whose message is Format.
unsigned customId(clang::DiagnosticsEngine &Diags, clang::DiagnosticIDs::Level Level,
                  llvm::StringRef Format);

/// Of Candidates, the one Typed is most likely a misspelling of, as clang's typo
/// correction judges it (about a third of the letters wrong at most); "" if none.
llvm::StringRef closestMatch(llvm::StringRef Typed, llvm::ArrayRef<llvm::StringRef> Candidates);

/// Where the planning parse found errors. A cached function with an error inside is
/// left as written, so that the real compilation reports it where the user wrote it
/// and in the user's terms, not inside the runtime call it would have become.
class ErrorLocations : public clang::DiagnosticConsumer {
public:
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override;
  bool anyWithin(clang::SourceRange Range, const clang::SourceManager &SM) const;

private:
  std::vector<clang::SourceLocation> Errors;
};

/// Records the errors Diags reports from now on, beside its consumer, which goes on
/// reporting them. Diags owns the recorder.
const ErrorLocations &recordErrorLocations(clang::DiagnosticsEngine &Diags);

} // namespace cachepy

#endif
