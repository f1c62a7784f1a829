//===- Diagnostics.h - cachepy's errors as clang diagnostics --------------===//

#ifndef CACHEPY_PLUGIN_DIAGNOSTICS_H
#define CACHEPY_PLUGIN_DIAGNOSTICS_H

#include "AttributeArgs.h"

#include "clang/Basic/Diagnostic.h"

namespace cachepy {

void reportError(clang::DiagnosticsEngine &Diags, const AttrProblem &Problem);
void reportWarning(clang::DiagnosticsEngine &Diags, clang::SourceLocation Loc,
                   llvm::StringRef Message);

} // namespace cachepy

#endif
