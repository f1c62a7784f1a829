//===- Diagnostics.h - cachepy's errors as clang diagnostics --------------===//

#ifndef CACHEPY_PLUGIN_DIAGNOSTICS_H
#define CACHEPY_PLUGIN_DIAGNOSTICS_H

#include "AttributeArgs.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"

#include <vector>

namespace cachepy {

void reportError(clang::DiagnosticsEngine &Diags, const AttrProblem &Problem);
void reportWarning(clang::DiagnosticsEngine &Diags, clang::SourceLocation Loc,
                   llvm::StringRef Message);

// Where the planning parse found errors. A cached function with an error inside is
// left as written, so that the real compilation reports it where the user wrote it
// and in the user's terms, not inside the runtime call it would have become.
class ErrorLocations : public clang::DiagnosticConsumer {
public:
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override;
  bool anyWithin(clang::SourceRange Range, const clang::SourceManager &SM) const;

private:
  std::vector<clang::SourceLocation> Errors;
};

// Records the errors Diags reports from now on, beside its consumer, which goes on
// reporting them. Diags owns the recorder.
const ErrorLocations &recordErrorLocations(clang::DiagnosticsEngine &Diags);

} // namespace cachepy

#endif
