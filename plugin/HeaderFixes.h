//===- HeaderFixes.h - Known-broken system headers, patched in memory -----===//
//
// The rewritten code includes cereal's JSON archive, and Debian 12's cereal uses the
// system RapidJSON 1.1.0, whose GenericStringRef::operator= assigns to const members:
// clang 19 rejects it even uninstantiated (Tencent/rapidjson#2347; upstream deleted
// the operator). The plugin patches such lines in memory, for the translation units
// it rewrites only; nothing on disk changes.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_HEADERFIXES_H
#define CACHEPY_PLUGIN_HEADERFIXES_H

#include "clang/Frontend/CompilerInstance.h"

namespace cachepy {

void installHeaderFixes(clang::CompilerInstance &CI);

} // namespace cachepy

#endif
