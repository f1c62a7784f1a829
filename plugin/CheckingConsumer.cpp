//===- CheckingConsumer.cpp - The compilation's own checks of cached functions ===//

#include "CheckingConsumer.h"

#include "CacheFileOptions.h"
#include "CompilerHeaders.h"
#include "Diagnostics.h"
#include "FunctionChecks.h"
#include "RewriteNames.h"
#include "StoredTypes.h"

#include "llvm/ADT/SmallPtrSet.h"

namespace cachepy {
using namespace clang;

void CheckingConsumer::Initialize(ASTContext &Context) {
  Log.emplace(Context, AnnotationLog::Misuse::Report);
}

void CheckingConsumer::HandleTranslationUnit(ASTContext &Context) {
  DiagnosticsEngine &Diags = CI.getDiagnostics();
  CompilerHeaders Headers(CI);
  BodyHasher Hasher(Headers);
  StoredTypes Types(Context, Hasher);
  llvm::SmallPtrSet<const FunctionDecl *, 8> Checked;
  for (const AnnotatedDecl &Annotated : Log->annotated()) {
    const FunctionDecl *Definition = Annotated.Decl->getDefinition();
    if (!Definition || !Checked.insert(Definition).second)
      continue;
    if (std::optional<AttrProblem> Problem = checkCachedDefinition(*Definition))
      report(Diags, *Problem);
    else if (std::optional<AttrProblem> TypeProblem =
                 isRewritten(*Definition) ? std::nullopt : judgeTypes(Annotated, Types))
      report(Diags, *TypeProblem);
    else if (!isRewritten(*Definition) && !Diags.hasErrorOccurred())
      report(Diags, {Definition->getLocation(), whyUncached(*Definition),
                     {Definition->getQualifiedNameAsString()}, {}});
  }
}

/// The plan left the function as written if its types cannot be stored: the same
/// judgement, now reported. A misused attribute was reported where it is applied.
std::optional<AttrProblem> CheckingConsumer::judgeTypes(const AnnotatedDecl &Annotated,
                                                        StoredTypes &Types) {
  if (!Annotated.Options)
    return std::nullopt;
  return Types
      .judge(*Annotated.Decl->getDefinition(),
             parameterPositions(*Annotated.Options, *Annotated.Decl).outOfKeyByValue())
      .Problem;
}

DiagId CheckingConsumer::whyUncached(const FunctionDecl &Definition) {
  if (CompilerHeaders(CI).contains(Definition.getLocation(), CI.getSourceManager()))
    return DiagId::UncachedInCompilerHeader;
  return UncachedReason.value_or(DiagId::UncachedNotRewritten);
}

} // namespace cachepy
