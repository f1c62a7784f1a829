//===- BodyHasher.h - A 128-bit hash of what a function does --------------===//
//
// Stable under comments, whitespace and moving the function; changed by any change to
// what the function computes or returns as written in this translation unit:
//   - its signature and body, including changes made through macros;
//   - the functions it calls, the variables it reads (their initializers) and the
//     enumerators it uses, when defined in this translation unit outside the
//     compiler's own headers (CompilerHeaders.h), transitively; for a template, also what its instantiations here call;
//   - the definitions of the classes it uses, returns or takes (fields, bases,
//     default member initializers, serialize/save/load), so that a stored value is
//     never read back into a changed type.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_BODYHASHER_H
#define CACHEPY_PLUGIN_BODYHASHER_H

#include "CompilerHeaders.h"

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
  explicit BodyHasher(CompilerHeaders &Headers) : Headers(Headers) {}
  AstHash hashWithDependencies(const clang::FunctionDecl &Definition);

private:
  AstHash ownHash(const clang::Decl &D);
  const std::vector<const clang::Decl *> &dependencies(const clang::Decl &D);

  CompilerHeaders &Headers;
  llvm::DenseMap<const clang::Decl *, AstHash> Own;
  llvm::DenseMap<const clang::Decl *, std::vector<const clang::Decl *>> Dependencies;
};

} // namespace cachepy

#endif
