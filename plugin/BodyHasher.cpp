//===- BodyHasher.cpp - A 128-bit hash of what a function does ------------===//
//
// Clang's ODR hash sees exactly the right things (the resolved AST, literal values,
// macro expansions; never locations or comments) but is only 32 bits wide. We keep
// its structural stream in full (statement kinds, operators, literal values) and add,
// at full width, the names it folds into 32 bits: every declaration referenced or
// declared in the body (lambda bodies included) and the types of local variables.
//
//===----------------------------------------------------------------------===//

#include "BodyHasher.h"

#include "clang/AST/ODRHash.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Allocator.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace cachepy {
using namespace clang;

namespace {

class HashSink {
public:
  HashSink() { XXH3_128bits_reset(&State); }

  void add(const void *Data, size_t Size) { XXH3_128bits_update(&State, Data, Size); }
  void add(uint64_t Value) { add(&Value, sizeof Value); }
  void add(llvm::StringRef Text) {
    add(static_cast<uint64_t>(Text.size()));
    add(Text.data(), Text.size());
  }

  AstHash digest() {
    XXH128_hash_t Digest = XXH3_128bits_digest(&State);
    return {Digest.high64, Digest.low64};
  }

private:
  XXH3_state_t State;
};

class NameCollector : public RecursiveASTVisitor<NameCollector> {
public:
  explicit NameCollector(HashSink &Sink) : Sink(Sink) {}

  bool shouldVisitImplicitCode() const { return false; }

  bool VisitStmt(Stmt *S) {
    Sink.add(static_cast<uint64_t>(S->getStmtClass()));
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    Sink.add(E->getDecl()->getQualifiedNameAsString());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    Sink.add(E->getMemberDecl()->getQualifiedNameAsString());
    return true;
  }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *E) {
    Sink.add(E->getMember().getAsString());
    return true;
  }
  bool VisitOverloadExpr(OverloadExpr *E) {
    Sink.add(E->getName().getAsString());
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    Sink.add(E->getConstructor()->getQualifiedNameAsString());
    return true;
  }
  bool VisitIntegerLiteral(IntegerLiteral *E) {
    Sink.add(llvm::toString(E->getValue(), 16, false));
    return true;
  }
  bool VisitFloatingLiteral(FloatingLiteral *E) {
    llvm::SmallString<32> Text;
    E->getValue().toString(Text);
    Sink.add(Text);
    return true;
  }
  bool VisitStringLiteral(StringLiteral *E) {
    Sink.add(E->getBytes());
    return true;
  }
  bool VisitNamedDecl(NamedDecl *D) {
    Sink.add(D->getNameAsString());
    return true;
  }
  bool VisitValueDecl(ValueDecl *D) {
    Sink.add(D->getType().getAsString());
    return true;
  }

private:
  HashSink &Sink;
};

} // namespace

AstHash hashFunction(const FunctionDecl &Definition) {
  HashSink Sink;
  Sink.add(static_cast<uint64_t>(const_cast<FunctionDecl &>(Definition).getODRHash()));
  Sink.add(Definition.getType().getAsString());

  const Stmt *Body = Definition.getBody();
  llvm::FoldingSetNodeID Structure;
  ODRHash Names;
  Body->ProcessODRHash(Structure, Names);
  llvm::BumpPtrAllocator Arena;
  llvm::FoldingSetNodeIDRef Interned = Structure.Intern(Arena);
  Sink.add(Interned.getData(), Interned.getSize() * sizeof(unsigned));
  Sink.add(static_cast<uint64_t>(Names.CalculateHash()));

  NameCollector Collector(Sink);
  Collector.TraverseStmt(const_cast<Stmt *>(Body));
  return Sink.digest();
}

} // namespace cachepy
