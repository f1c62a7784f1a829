//===- FunctionChecks.cpp - Which functions can be cached -----------------===//

#include "FunctionChecks.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"

namespace cachepy {
using namespace clang;

namespace {

/// A lambda's closure or a class defined in a function body, as the type or among its
/// template arguments: such a type has no name the rewrite could write, and cereal
/// cannot serialize it (a local class cannot have a member template).
const CXXRecordDecl *localClassIn(QualType Type) {
  const auto *Record = Type->getAsCXXRecordDecl();
  if (!Record)
    return nullptr;
  if (Record->isLambda() || Record->isLocalClass())
    return Record;
  if (const auto *Specialization = dyn_cast<ClassTemplateSpecializationDecl>(Record))
    for (const TemplateArgument &Argument : Specialization->getTemplateArgs().asArray())
      if (Argument.getKind() == TemplateArgument::Type)
        if (const CXXRecordDecl *Local = localClassIn(Argument.getAsType()))
          return Local;
  return nullptr;
}

/// In a function template, the result of each instantiation made so far.
const CXXRecordDecl *localClassResult(const FunctionDecl &Definition) {
  if (const CXXRecordDecl *Local = localClassIn(Definition.getReturnType()))
    return Local;
  if (const FunctionTemplateDecl *Template = Definition.getDescribedFunctionTemplate())
    for (const FunctionDecl *Instance : Template->specializations())
      if (const CXXRecordDecl *Local = localClassIn(Instance->getReturnType()))
        return Local;
  return nullptr;
}

/// Judged on the definition: an out-of-line one learns that its member is static from
/// the declaration in the class, which clang matches it with only after the attribute
/// is applied.
std::optional<AttrProblem> checkMemberKind(const FunctionDecl &Definition) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Definition);
  if (!Method)
    return std::nullopt;
  SourceLocation Loc = Definition.getLocation();
  if (isa<CXXConstructorDecl>(Method) || isa<CXXDestructorDecl>(Method))
    return AttrProblem{Loc, DiagId::CannotCacheConstructor, {}, {}};
  if (Method->getParent()->isLambda())
    return AttrProblem{Loc, DiagId::CannotCacheLambda, {}, {}};
  // A const member's object enters the key (the rewrite passes *this).
  if (Method->isInstance() && !Method->isConst())
    return AttrProblem{Loc, DiagId::CannotCacheNonConstMember, {}, {}};
  return std::nullopt;
}

} // namespace

std::optional<AttrProblem> checkCachedSignature(const FunctionDecl &FD) {
  SourceLocation Loc = FD.getLocation();
  // The runtime is C++17; rewriting in an older mode would only bring its errors.
  if (!FD.getASTContext().getLangOpts().CPlusPlus17)
    return AttrProblem{Loc, DiagId::NeedsCxx17, {}, {}};
  if (FD.isMain())
    return AttrProblem{Loc, DiagId::CannotCacheMain, {}, {}};
  if (FD.isConsteval())
    return AttrProblem{Loc, DiagId::CannotCacheConsteval, {}, {}};
  if (FD.isConstexpr())
    return AttrProblem{Loc, DiagId::CannotCacheConstexpr, {}, {}};
  if (FD.isVariadic())
    return AttrProblem{Loc, DiagId::CannotCacheVariadic, {}, {}};
  if (FD.getReturnType()->isReferenceType())
    return AttrProblem{FD.getReturnTypeSourceRange().getBegin().isValid()
                           ? FD.getReturnTypeSourceRange().getBegin()
                           : Loc,
                       DiagId::CannotCacheReferenceResult, {}, {}};
  for (const ParmVarDecl *Param : FD.parameters()) {
    QualType Type = Param->getType();
    if (Type->isLValueReferenceType() && !Type.getNonReferenceType().isConstQualified())
      return AttrProblem{Param->getLocation(), DiagId::CannotCacheMutableReference,
                         {Type.getAsString()}, {}};
  }
  return std::nullopt;
}

std::optional<AttrProblem> checkCachedDefinition(const FunctionDecl &Definition) {
  if (std::optional<AttrProblem> Problem = checkMemberKind(Definition))
    return Problem;
  if (const CXXRecordDecl *Local = localClassResult(Definition))
    return AttrProblem{Definition.getLocation(),
                       Local->isLambda() ? DiagId::CannotCacheLambdaResult
                                         : DiagId::CannotCacheLocalClassResult,
                       {}, {}};
  // A deduced result (decltype(auto)) is known only once the body is parsed; a written
  // one was checked with the signature.
  if (!Definition.getDeclaredReturnType()->isReferenceType() &&
      Definition.getReturnType()->isReferenceType())
    return AttrProblem{Definition.getLocation(), DiagId::CannotCacheReferenceResult, {}, {}};
  const Stmt *Body = Definition.getBody();
  if (isa_and_nonnull<CoroutineBodyStmt>(Body))
    return AttrProblem{Definition.getLocation(), DiagId::CannotCacheCoroutine, {}, {}};
  if (isa_and_nonnull<CXXTryStmt>(Body))
    return AttrProblem{Definition.getLocation(), DiagId::CannotCacheTryBlock, {}, {}};
  if (Definition.isDefaulted() || Definition.isDeleted())
    return AttrProblem{Definition.getLocation(), DiagId::NeedsBody, {}, {}};
  if (const auto *Braces = dyn_cast_or_null<CompoundStmt>(Body);
      Braces && (Braces->getLBracLoc().isMacroID() || Braces->getRBracLoc().isMacroID()))
    return AttrProblem{Definition.getLocation(), DiagId::BodyFromMacro, {}, {}};
  return std::nullopt;
}

} // namespace cachepy
