//===- BodyHasher.h - A 128-bit hash of what a function does --------------===//
//
// Stable under comments, whitespace and moving the function; changed by any change to
// its signature or body, including one made through a macro, and by any change to a
// function it calls (transitively) that is defined in this translation unit outside
// system headers.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_BODYHASHER_H
#define CACHEPY_PLUGIN_BODYHASHER_H

#include "clang/AST/Decl.h"

#include "llvm/ADT/DenseMap.h"

#include <cstdint>
#include <vector>

namespace cachepy {

struct AstHash {
  uint64_t High = 0;
  uint64_t Low = 0;
};

class BodyHasher {
public:
  AstHash hashWithCallees(const clang::FunctionDecl &Definition);

private:
  AstHash ownHash(const clang::FunctionDecl &Definition);
  const std::vector<const clang::FunctionDecl *> &
  callees(const clang::FunctionDecl &Definition);

  llvm::DenseMap<const clang::FunctionDecl *, AstHash> Own;
  llvm::DenseMap<const clang::FunctionDecl *, std::vector<const clang::FunctionDecl *>>
      Callees;
};

} // namespace cachepy

#endif
