//===- FunctionChecks.cpp - Which functions can be cached -----------------===//

#include "FunctionChecks.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"

namespace cachepy {
using namespace clang;

std::optional<AttrProblem> checkCachedSignature(const FunctionDecl &FD) {
  SourceLocation Loc = FD.getLocation();
  if (isa<CXXConstructorDecl>(FD) || isa<CXXDestructorDecl>(FD))
    return AttrProblem{Loc, "cachepy::cache_file cannot cache a constructor or a destructor"};
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&FD); Method && Method->isInstance())
    return AttrProblem{Loc, "cachepy::cache_file cannot cache a non-static member "
                            "function; make it static or a free function taking the "
                            "object's state as arguments"};
  if (FD.isConsteval())
    return AttrProblem{Loc, "cachepy::cache_file cannot cache a consteval function"};
  if (FD.isConstexpr())
    return AttrProblem{Loc, "cachepy::cache_file cannot cache a constexpr function: "
                            "the cache is read at run time"};
  if (FD.isVariadic())
    return AttrProblem{Loc, "cachepy::cache_file cannot cache a C variadic function: "
                            "its '...' arguments cannot enter the key"};
  if (FD.getReturnType()->isReferenceType())
    return AttrProblem{FD.getReturnTypeSourceRange().getBegin().isValid()
                           ? FD.getReturnTypeSourceRange().getBegin()
                           : Loc,
                       "cachepy::cache_file cannot cache a function returning a "
                       "reference; return a value"};
  for (const ParmVarDecl *Param : FD.parameters()) {
    QualType Type = Param->getType();
    if (Type->isLValueReferenceType() && !Type.getNonReferenceType().isConstQualified())
      return AttrProblem{Param->getLocation(),
                         "cachepy::cache_file cannot cache a function taking a non-const "
                         "lvalue reference ('" + Type.getAsString() +
                             "'): a hit would skip its changes to the argument"};
  }
  return std::nullopt;
}

std::optional<AttrProblem> checkCachedDefinition(const FunctionDecl &Definition) {
  const Stmt *Body = Definition.getBody();
  if (isa_and_nonnull<CoroutineBodyStmt>(Body))
    return AttrProblem{Definition.getLocation(),
                       "cachepy::cache_file cannot cache a coroutine"};
  if (isa_and_nonnull<CXXTryStmt>(Body))
    return AttrProblem{Definition.getLocation(),
                       "cachepy::cache_file cannot cache a function with a "
                       "function-try-block; put the try inside the body"};
  if (Definition.isDefaulted() || Definition.isDeleted())
    return AttrProblem{Definition.getLocation(),
                       "cachepy::cache_file needs a function with a body"};
  if (const auto *Braces = dyn_cast_or_null<CompoundStmt>(Body);
      Braces && (Braces->getLBracLoc().isMacroID() || Braces->getRBracLoc().isMacroID()))
    return AttrProblem{Definition.getLocation(),
                       "cachepy::cache_file cannot cache a function whose body comes "
                       "from a macro expansion; define the function outside the macro"};
  return std::nullopt;
}

} // namespace cachepy
