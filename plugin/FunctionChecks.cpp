//===- FunctionChecks.cpp - Which functions can be cached -----------------===//

#include "FunctionChecks.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"

namespace cachepy {
using namespace clang;

namespace {

// A lambda's closure or a class defined in a function body, as the type or among its
// template arguments: such a type has no name the rewrite could write, and cereal
// cannot serialize it (a local class cannot have a member template).
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

// In a function template, the result of each instantiation made so far.
const CXXRecordDecl *localClassResult(const FunctionDecl &Definition) {
  if (const CXXRecordDecl *Local = localClassIn(Definition.getReturnType()))
    return Local;
  if (const FunctionTemplateDecl *Template = Definition.getDescribedFunctionTemplate())
    for (const FunctionDecl *Instance : Template->specializations())
      if (const CXXRecordDecl *Local = localClassIn(Instance->getReturnType()))
        return Local;
  return nullptr;
}

// Judged on the definition: an out-of-line one learns that its member is static from
// the declaration in the class, which clang matches it with only after the attribute
// is applied.
std::optional<AttrProblem> checkMemberKind(const FunctionDecl &Definition) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Definition);
  if (!Method)
    return std::nullopt;
  SourceLocation Loc = Definition.getLocation();
  if (isa<CXXConstructorDecl>(Method) || isa<CXXDestructorDecl>(Method))
    return AttrProblem{Loc, "cachepy::cache_file cannot cache a constructor or a destructor"};
  if (Method->getParent()->isLambda())
    return AttrProblem{Loc, "cachepy::cache_file cannot cache a lambda; cache a named "
                            "function and call it from the lambda"};
  if (Method->isInstance())
    return AttrProblem{Loc, "cachepy::cache_file cannot cache a non-static member "
                            "function; make it static or a free function taking the "
                            "object's state as arguments"};
  return std::nullopt;
}

} // namespace

std::optional<AttrProblem> checkCachedSignature(const FunctionDecl &FD) {
  SourceLocation Loc = FD.getLocation();
  // The runtime is C++17; rewriting in an older mode would only bring its errors.
  if (!FD.getASTContext().getLangOpts().CPlusPlus17)
    return AttrProblem{Loc, "cachepy::cache_file needs C++17 or later (-std=c++17)"};
  if (FD.isMain())
    return AttrProblem{Loc, "cachepy::cache_file cannot cache 'main'"};
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
  if (std::optional<AttrProblem> Problem = checkMemberKind(Definition))
    return Problem;
  if (const CXXRecordDecl *Local = localClassResult(Definition))
    return AttrProblem{Definition.getLocation(),
                       Local->isLambda()
                           ? "cachepy::cache_file cannot cache a function returning a "
                             "lambda: a closure cannot be stored"
                           : "cachepy::cache_file cannot cache a function returning a "
                             "class defined inside a function: it cannot be stored"};
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
