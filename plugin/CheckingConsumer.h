//===- CheckingConsumer.h - Reports misuse that needs the whole TU --------===//
//
// Some problems only show once a cached function's body is parsed (a coroutine, a
// function-try-block). They are reported at the end of the real compilation.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_CHECKINGCONSUMER_H
#define CACHEPY_PLUGIN_CHECKINGCONSUMER_H

#include "clang/AST/ASTConsumer.h"
#include "clang/Basic/Diagnostic.h"

namespace cachepy {

class CheckingConsumer : public clang::ASTConsumer {
public:
  explicit CheckingConsumer(clang::DiagnosticsEngine &Diags) : Diags(Diags) {}
  void HandleTranslationUnit(clang::ASTContext &Context) override;

private:
  clang::DiagnosticsEngine &Diags;
};

} // namespace cachepy

#endif
