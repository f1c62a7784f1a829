//===- CheckingConsumer.h - The compilation's own checks of cached functions ===//
//
// Runs in the real compilation, after the plugin's rewrite: reports misuse of the
// attribute, and warns about every annotated function that is compiled uncached (its
// body is not the rewrite), so that no function is ever quietly left uncached.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_CHECKINGCONSUMER_H
#define CACHEPY_PLUGIN_CHECKINGCONSUMER_H

#include "CacheFileAttr.h"
#include "Diagnostics.h"
#include "StoredTypes.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"

#include <optional>

namespace cachepy {

class CheckingConsumer : public clang::ASTConsumer {
public:
  /// UncachedReason: why this translation unit was not rewritten at all, if it was not.
  CheckingConsumer(clang::CompilerInstance &CI, std::optional<DiagId> UncachedReason)
      : CI(CI), UncachedReason(UncachedReason) {}
  void Initialize(clang::ASTContext &Context) override;
  void HandleTranslationUnit(clang::ASTContext &Context) override;

private:
  DiagId whyUncached(const clang::FunctionDecl &Definition);
  std::optional<AttrProblem> judgeTypes(const AnnotatedDecl &Annotated, StoredTypes &Types);

  clang::CompilerInstance &CI;
  std::optional<DiagId> UncachedReason;
  std::optional<AnnotationLog> Log; ///< this compilation's, open while it parses
};

} // namespace cachepy

#endif
