//===- CheckingConsumer.cpp - The compilation's own checks of cached functions ===//

#include "CheckingConsumer.h"

#include "CompilerHeaders.h"
#include "Diagnostics.h"
#include "FunctionChecks.h"
#include "FunctionRewriter.h"

#include "llvm/ADT/SmallPtrSet.h"

namespace cachepy {
using namespace clang;

void CheckingConsumer::Initialize(ASTContext &Context) {
  Log.emplace(Context, AnnotationLog::Misuse::Report);
}

void CheckingConsumer::HandleTranslationUnit(ASTContext &) {
  DiagnosticsEngine &Diags = CI.getDiagnostics();
  llvm::SmallPtrSet<const FunctionDecl *, 8> Checked;
  for (const AnnotatedDecl &Annotated : Log->annotated()) {
    const FunctionDecl *Definition = Annotated.Decl->getDefinition();
    if (!Definition || !Checked.insert(Definition).second)
      continue;
    if (std::optional<AttrProblem> Problem = checkCachedDefinition(*Definition))
      reportError(Diags, *Problem);
    else if (!isRewritten(*Definition) && !Diags.hasErrorOccurred())
      reportWarning(Diags, Definition->getLocation(),
                    "'" + Definition->getQualifiedNameAsString() +
                        "' is compiled uncached: " + whyUncached(*Definition));
  }
}

std::string CheckingConsumer::whyUncached(const FunctionDecl &Definition) {
  if (CompilerHeaders(CI).contains(Definition.getLocation(), CI.getSourceManager()))
    return "it is defined in one of the compiler's own headers, which cachepy does not "
           "read; include its directory with -I or -isystem";
  if (!UncachedReason.empty())
    return UncachedReason;
  return "the plugin could not rewrite it";
}

} // namespace cachepy
