//===- CheckingConsumer.cpp - Reports misuse that needs the whole TU ------===//

#include "CheckingConsumer.h"

#include "Diagnostics.h"
#include "FunctionChecks.h"

#include "llvm/ADT/SmallPtrSet.h"

namespace cachepy {
using namespace clang;

void CheckingConsumer::Initialize(ASTContext &Context) {
  Log.emplace(Context, AnnotationLog::Misuse::Report);
}

void CheckingConsumer::HandleTranslationUnit(ASTContext &) {
  llvm::SmallPtrSet<const FunctionDecl *, 8> Checked;
  for (const AnnotatedDecl &Annotated : Log->annotated()) {
    const FunctionDecl *Definition = Annotated.Decl->getDefinition();
    if (!Definition || !Checked.insert(Definition).second)
      continue;
    if (std::optional<AttrProblem> Problem = checkCachedDefinition(*Definition))
      reportError(Diags, *Problem);
  }
}

} // namespace cachepy
