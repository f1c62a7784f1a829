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
// What the function reaches in other translation units is seen through call records
// (CallRecords.h): externalCallees lists the functions it reaches here that are
// declared but not defined in this translation unit.
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

/// Whether D belongs to cachepy's runtime (namespace cachepy), which no hash follows.
bool isInRuntime(const clang::Decl &D);

struct AstHash {
  uint64_t High = 0;
  uint64_t Low = 0;
};

class BodyHasher {
public:
  explicit BodyHasher(CompilerHeaders &Headers) : Headers(Headers) {}
  AstHash hashWithDependencies(const clang::FunctionDecl &Definition);
  /// The functions Definition calls, itself or through what this translation unit
  /// defines, that are declared here and defined elsewhere (not in the compiler's own
  /// headers, nor cachepy's runtime): their changes reach it through call records.
  std::vector<const clang::FunctionDecl *>
  externalCallees(const clang::FunctionDecl &Definition);

private:
  /// What a declaration refers to: definitions here, and functions defined elsewhere.
  struct References {
    std::vector<const clang::Decl *> Defined;
    std::vector<const clang::FunctionDecl *> External;
  };

  AstHash ownHash(const clang::Decl &D);
  const References &references(const clang::Decl &D);
  /// Definition and every definition here it reaches, transitively.
  std::vector<const clang::Decl *> reachable(const clang::FunctionDecl &Definition);

  CompilerHeaders &Headers;
  llvm::DenseMap<const clang::Decl *, AstHash> Own;
  llvm::DenseMap<const clang::Decl *, References> Dependencies;
};

} // namespace cachepy

#endif
