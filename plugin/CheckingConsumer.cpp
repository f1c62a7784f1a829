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
      report(Diags, *Problem);
    else if (!isRewritten(*Definition) && !Diags.hasErrorOccurred())
      report(Diags, {Definition->getLocation(), whyUncached(*Definition),
                     {Definition->getQualifiedNameAsString()}, {}});
  }
}

DiagId CheckingConsumer::whyUncached(const FunctionDecl &Definition) {
  if (CompilerHeaders(CI).contains(Definition.getLocation(), CI.getSourceManager()))
    return DiagId::UncachedInCompilerHeader;
  return UncachedReason.value_or(DiagId::UncachedNotRewritten);
}

} // namespace cachepy
