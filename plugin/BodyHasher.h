//===- BodyHasher.h - A 128-bit hash of what a function does --------------===//
//
// Stable under comments, whitespace and moving the function; changed by any change to
// its signature or body, including one made through a macro.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_BODYHASHER_H
#define CACHEPY_PLUGIN_BODYHASHER_H

#include "clang/AST/Decl.h"

#include <cstdint>

namespace cachepy {

struct AstHash {
  uint64_t High = 0;
  uint64_t Low = 0;
};

AstHash hashFunction(const clang::FunctionDecl &Definition);

} // namespace cachepy

#endif
