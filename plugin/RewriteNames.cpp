//===- RewriteNames.cpp - The names a rewrite gives, spells and reads -----===//

#include "RewriteNames.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/GlobalDecl.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/raw_ostream.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace cachepy {
using namespace clang;

std::string mangledName(const FunctionDecl &FD, MangleContext &Mangler) {
  if (!Mangler.shouldMangleDeclName(&FD))
    return FD.getNameAsString();
  GlobalDecl Global(&FD);
  if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(&FD))
    Global = GlobalDecl(Constructor, Ctor_Complete);
  else if (const auto *Destructor = dyn_cast<CXXDestructorDecl>(&FD))
    Global = GlobalDecl(Destructor, Dtor_Complete);
  std::string Mangled;
  llvm::raw_string_ostream Out(Mangled);
  Mangler.mangleName(Global, Out);
  return Out.str();
}

std::uint64_t recordName(const FunctionDecl &FD, MangleContext &Mangler) {
  std::string Name = mangledName(FD, Mangler);
  if (!FD.isExternallyVisible()) {
    // Another file may define a static function of the same name.
    const SourceManager &SM = FD.getASTContext().getSourceManager();
    Name += '\0';
    Name += SM.getBufferName(SM.getLocForStartOfFile(SM.getMainFileID()));
  }
  return XXH3_64bits(Name.data(), Name.size());
}

bool isRewritten(const FunctionDecl &Definition) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Definition.getBody());
  if (!Body)
    return false;
  const auto *First = Body->body_empty() ? nullptr : dyn_cast<DeclStmt>(Body->body_front());
  const auto *Site = First && First->isSingleDecl() ? dyn_cast<VarDecl>(First->getSingleDecl())
                                                    : nullptr;
  return Site && Site->getName() == SiteVariable;
}

} // namespace cachepy
