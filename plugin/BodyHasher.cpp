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

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/AST/ODRHash.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
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

// The functions a body refers to whose text is this translation unit's own: the
// definitions (template patterns for instantiations) outside system headers.
class CalleeCollector : public RecursiveASTVisitor<CalleeCollector> {
public:
  bool shouldVisitImplicitCode() const { return false; }

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    add(dyn_cast<FunctionDecl>(E->getDecl()));
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    add(dyn_cast<FunctionDecl>(E->getMemberDecl()));
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    add(E->getConstructor());
    return true;
  }
  bool VisitOverloadExpr(OverloadExpr *E) { // dependent calls: every candidate
    for (NamedDecl *Candidate : E->decls())
      add(Candidate->getAsFunction());
    return true;
  }

  std::vector<const FunctionDecl *> Found;

private:
  void add(const FunctionDecl *FD) {
    if (!FD)
      return;
    if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
      FD = Pattern;
    const FunctionDecl *Definition = FD->getDefinition();
    if (!Definition || !Definition->getBody() ||
        Definition->getASTContext().getSourceManager().isInSystemHeader(
            Definition->getLocation()))
      return;
    if (llvm::find(Found, Definition) == Found.end())
      Found.push_back(Definition);
  }
};

} // namespace

const std::vector<const FunctionDecl *> &BodyHasher::callees(const FunctionDecl &Definition) {
  auto It = Callees.find(&Definition);
  if (It != Callees.end())
    return It->second;
  CalleeCollector Collector;
  Collector.TraverseStmt(const_cast<Stmt *>(Definition.getBody()));
  return Callees[&Definition] = std::move(Collector.Found);
}

// Combines the function's own hash with the own hashes of everything it reaches,
// sorted: deterministic, and safe for recursion and mutual recursion.
AstHash BodyHasher::hashWithCallees(const FunctionDecl &Definition) {
  llvm::SmallPtrSet<const FunctionDecl *, 16> Reached{&Definition};
  std::vector<const FunctionDecl *> Pending{&Definition};
  std::vector<std::pair<uint64_t, uint64_t>> Reachable;
  while (!Pending.empty()) {
    const FunctionDecl *Next = Pending.back();
    Pending.pop_back();
    for (const FunctionDecl *Callee : callees(*Next))
      if (Reached.insert(Callee).second) {
        Pending.push_back(Callee);
        AstHash Hash = ownHash(*Callee);
        Reachable.emplace_back(Hash.High, Hash.Low);
      }
  }
  llvm::sort(Reachable);
  HashSink Sink;
  AstHash Self = ownHash(Definition);
  Sink.add(Self.High);
  Sink.add(Self.Low);
  Sink.add(Reachable.data(), Reachable.size() * sizeof(Reachable[0]));
  return Sink.digest();
}

AstHash BodyHasher::ownHash(const FunctionDecl &Definition) {
  auto It = Own.find(&Definition);
  if (It != Own.end())
    return It->second;
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
  return Own[&Definition] = Sink.digest();
}

} // namespace cachepy
