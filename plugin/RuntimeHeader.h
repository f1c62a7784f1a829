//===- RuntimeHeader.h - Where cachepy/rewritten.hpp is -------------------===//
//
// The planning parse and the compilation begin with the runtime header; the plugin and
// cachepy-rewrite look for it the same way, so that their AST hashes agree.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_RUNTIMEHEADER_H
#define CACHEPY_PLUGIN_RUNTIMEHEADER_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace cachepy {

/// The absolute path of cachepy/rewritten.hpp: in IncludeDir when one is given and holds
/// it, else in InstalledIncludeDir (the headers of the installation the calling binary
/// belongs to), else in the source tree cachepy was built from. Empty when none of them
/// holds it.
std::string findRuntimeHeader(llvm::StringRef IncludeDir, llvm::StringRef InstalledIncludeDir);

} // namespace cachepy

#endif
