//===- AnnotationScan.h - Cheap test for "may this TU use cachepy?" -------===//
//
// Planning a rewrite costs a second parse. A translation unit whose main file and
// user headers (all but the compiler's own, CompilerHeaders.h) never mention
// "cachepy" cannot carry the attribute, so the plugin leaves it untouched.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_ANNOTATIONSCAN_H
#define CACHEPY_PLUGIN_ANNOTATIONSCAN_H

#include "clang/Frontend/CompilerInstance.h"

namespace cachepy {

bool mayUseCachepy(clang::CompilerInstance &CI);

} // namespace cachepy

#endif
