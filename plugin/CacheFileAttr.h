//===- CacheFileAttr.h - Registers [[cachepy::cache_file]] ----------------===//
//
// Clang tells the attribute's handler which declaration carries it. The handler
// records the declaration for the pass that is running: the planning parse rewrites
// the recorded functions; the real compilation checks them and reports misuse.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_CACHEFILEATTR_H
#define CACHEPY_PLUGIN_CACHEFILEATTR_H

#include "clang/AST/Decl.h"
#include "clang/Basic/SourceLocation.h"

#include <vector>

namespace cachepy {

struct AnnotatedDecl {
  const clang::FunctionDecl *Decl;
  clang::SourceLocation AttrNameLoc;
};

// One compiler process parses one translation unit at a time, twice: first the
// planning parse, then the real compilation.
struct AnnotationLog {
  bool InPlanningParse = false;
  std::vector<AnnotatedDecl> Annotated;
};

AnnotationLog &annotationLog();

} // namespace cachepy

#endif
