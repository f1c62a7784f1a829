//===- PCHPolicy.h - Which compilations get the precompiled runtime -------===//

#ifndef CACHEPY_PLUGIN_PCH_PCHPOLICY_H
#define CACHEPY_PLUGIN_PCH_PCHPOLICY_H

#include "clang/Frontend/CompilerInstance.h"

namespace cachepy::pch {

/// Compilations whose own output is an AST file (a PCH or a module of the user's)
/// would record a dependency on the cached header, which may change or go; and some
/// kinds of compilation are better left exactly as they were.
bool compilationWantsText(clang::CompilerInstance &CI);

} // namespace cachepy::pch

#endif
