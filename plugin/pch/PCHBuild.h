//===- PCHBuild.h - Precompiling the runtime header -----------------------===//

#ifndef CACHEPY_PLUGIN_PCH_PCHBUILD_H
#define CACHEPY_PLUGIN_PCH_PCHBUILD_H

#include "clang/Frontend/CompilerInstance.h"

#include <memory>
#include <string>

namespace cachepy::pch {

/// Precompiles RuntimeHeader with HeaderInvocation's flags, in this process, into
/// <Base>.pch and its sidecar <Base>.inputs; on failure, no file and why in Problem.
bool buildRuntimePCH(clang::CompilerInstance &CI,
                     std::shared_ptr<clang::CompilerInvocation> HeaderInvocation,
                     const std::string &RuntimeHeader, const std::string &Base,
                     std::string &Problem);

} // namespace cachepy::pch

#endif
