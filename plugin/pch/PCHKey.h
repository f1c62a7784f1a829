//===- PCHKey.h - The flags the runtime header is precompiled under -------===//
//
// A precompiled header is named by what can change its meaning: the clang, the plugin,
// the runtime header and the compilation's flags, less those that name this
// compilation's files or only change how diagnostics are reported. Every translation
// unit of a project built with the same flags then shares one precompiled header.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_PCH_PCHKEY_H
#define CACHEPY_PLUGIN_PCH_PCHKEY_H

#include "clang/Frontend/CompilerInstance.h"

#include <memory>
#include <string>

namespace cachepy::pch {

/// The compilation's invocation, made into one that precompiles the runtime header.
std::shared_ptr<clang::CompilerInvocation> headerInvocation(clang::CompilerInstance &CI);

/// 32 hex digits naming the header HeaderInvocation builds from RuntimeHeader.
std::string headerKey(const clang::CompilerInvocation &HeaderInvocation,
                      const std::string &RuntimeHeader);

} // namespace cachepy::pch

#endif
