//===- StoredTypes.h - What a cached function stores, and how -------------===//
//
// Walks the types a cached function hashes (its parameters and, for a member, its
// class) and stores (its result), through containers, smart pointers, optionals,
// variants and the members of classes, and judges each:
//   - numbers, enums and the standard types the runtime serializes: as they are;
//   - a class with its own serialize, save or load (member or not): as it says;
//   - any other class: derived here from its definition (runtime detail/derived.hpp);
//   - what holds no value another run can use (raw pointers, references, unions,
//     closures, std::function, mutexes, atomics, streams, ...): refused, with the
//     path to it, at the user's parameter or result.
// The same walk gives the layout: each stored type's shape (a derived class's members,
// by name and type; a user-written serialize's code), which enters the key.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_STOREDTYPES_H
#define CACHEPY_PLUGIN_STOREDTYPES_H

#include "BodyHasher.h"
#include "Diagnostics.h"

#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cachepy {

struct StoredTypesVerdict {
  std::optional<AttrProblem> Problem; ///< the first type that cannot be stored
  /// Classes whose serialization is derived, each after those it builds on.
  std::vector<const clang::CXXRecordDecl *> Derived;
  uint64_t Layout = 0;
  /// A function template's: the derivations go after everything its instantiations see.
  bool AfterEverything = false;
};

/// One per parse: remembers each class's verdict and which derivations it has written.
class StoredTypes {
public:
  StoredTypes(clang::ASTContext &Context, BodyHasher &Hasher) : Context(Context), Hasher(Hasher) {}

  /// Ignored: the positions of parameters left out of the key (ignore=, file_args=).
  StoredTypesVerdict judge(const clang::FunctionDecl &Definition,
                           const std::set<unsigned> &Ignored);

  /// Global-scope code deriving the classes of Records not written yet in this parse.
  std::string derivations(const std::vector<const clang::CXXRecordDecl *> &Records);

private:
  struct Walk;
  uint64_t judgeInstance(const clang::FunctionDecl &Definition,
                         const std::set<unsigned> &Ignored, StoredTypesVerdict &Verdict);
  struct ClassInfo {
    enum Kind { Derived, UserWritten } How;
    bool Bytes = false;      ///< trivially copyable, no padding, every pattern valid
    bool Constructs = false; ///< an aggregate loaded through construct()
    std::string Shape;
    /// The derivations this one needs first, itself last (Derived only).
    std::vector<const clang::CXXRecordDecl *> Needs;
  };

  const ClassInfo *classInfo(const clang::CXXRecordDecl &Record, Walk &W);
  bool walk(clang::QualType Type, Walk &W, std::string &Shape);
  bool walkClass(const clang::CXXRecordDecl &Record, Walk &W, std::string &Shape);
  bool byteCopyable(clang::QualType Type);
  std::string typeName(clang::QualType Type) const;
  std::string derivation(const clang::CXXRecordDecl &Record);

  clang::ASTContext &Context;
  BodyHasher &Hasher;
  llvm::DenseMap<const clang::CXXRecordDecl *, ClassInfo> Classes;
  llvm::SmallPtrSet<const clang::CXXRecordDecl *, 16> InProgress;
  llvm::SmallPtrSet<const clang::CXXRecordDecl *, 16> Written;
};

} // namespace cachepy

#endif
