//===- CheckingConsumer.h - Reports misuse that needs the whole TU --------===//
//
// Some problems only show once a cached function's body is parsed (a coroutine, a
// function-try-block). They are reported at the end of the real compilation.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_CHECKINGCONSUMER_H
#define CACHEPY_PLUGIN_CHECKINGCONSUMER_H

#include "CacheFileAttr.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Diagnostic.h"

#include <optional>

namespace cachepy {

class CheckingConsumer : public clang::ASTConsumer {
public:
  explicit CheckingConsumer(clang::DiagnosticsEngine &Diags) : Diags(Diags) {}
  void Initialize(clang::ASTContext &Context) override;
  void HandleTranslationUnit(clang::ASTContext &Context) override;

private:
  clang::DiagnosticsEngine &Diags;
  std::optional<AnnotationLog> Log; // this compilation's, open while it parses
};

} // namespace cachepy

#endif
