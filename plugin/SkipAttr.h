//===- SkipAttr.h - [[cachepy::skip]] on a data member --------------------===//
//
// On a data member of a class whose serialization the plugin derives: the member is
// neither hashed nor stored, and a hit leaves it default-initialized (StoredTypes.h).
// Recorded as an annotation, which both the planning parse and the compilation see.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_SKIPATTR_H
#define CACHEPY_PLUGIN_SKIPATTR_H

#include "clang/AST/Decl.h"

namespace cachepy {

bool isSkipped(const clang::FieldDecl &Field);

} // namespace cachepy

#endif
