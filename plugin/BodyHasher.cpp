//===- BodyHasher.cpp - A 128-bit hash of what a function does ------------===//
//
// Clang's ODR hash sees exactly the right things (the resolved AST, literal values,
// macro expansions; never locations or comments) but is only 32 bits wide. We keep
// its structural stream in full (statement kinds, operators, literal values) and add,
// at full width, the names it folds into 32 bits. Types are printed without source
// locations, so that a lambda or an unnamed struct does not tie the hash to a line.
//
//===----------------------------------------------------------------------===//

#include "BodyHasher.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ODRHash.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
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

PrintingPolicy locationFreePolicy(const ASTContext &Context) {
  PrintingPolicy Policy(Context.getLangOpts());
  Policy.AnonymousTagLocations = false;
  Policy.FullyQualifiedName = true;
  return Policy;
}

/// Clang names unnamed entities "(lambda at file:line:col)"; the policy drops that
/// for types, but qualified names of their members still carry it.
std::string withoutLocations(std::string Text) {
  size_t At;
  while ((At = Text.find(" at ")) != std::string::npos) {
    size_t Close = Text.find(')', At);
    if (Close == std::string::npos)
      break;
    Text.erase(At, Close - At);
  }
  return Text;
}

std::string typeText(QualType Type, const ASTContext &Context) {
  return withoutLocations(Type.getAsString(locationFreePolicy(Context)));
}

std::string nameText(const NamedDecl &D) {
  std::string Text;
  llvm::raw_string_ostream Out(Text);
  D.printQualifiedName(Out, locationFreePolicy(D.getASTContext()));
  return withoutLocations(Out.str());
}

class NameCollector : public RecursiveASTVisitor<NameCollector> {
public:
  NameCollector(HashSink &Sink, const ASTContext &Context) : Sink(Sink), Context(Context) {}

  bool shouldVisitImplicitCode() const { return false; }

  bool VisitStmt(Stmt *S) {
    Sink.add(static_cast<uint64_t>(S->getStmtClass()));
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    Sink.add(nameText(*E->getDecl()));
    if (const auto *Enumerator = dyn_cast<EnumConstantDecl>(E->getDecl()))
      Sink.add(llvm::toString(Enumerator->getInitVal(), 16));
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    Sink.add(nameText(*E->getMemberDecl()));
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
    Sink.add(nameText(*E->getConstructor()));
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
    Sink.add(typeText(D->getType(), Context));
    return true;
  }

private:
  HashSink &Sink;
  const ASTContext &Context;
};

/// Structure in full, names at full width.
void hashCode(HashSink &Sink, const Stmt *Code, const ASTContext &Context) {
  if (!Code)
    return;
  llvm::FoldingSetNodeID Structure;
  ODRHash Names;
  Code->ProcessODRHash(Structure, Names);
  llvm::BumpPtrAllocator Arena;
  llvm::FoldingSetNodeIDRef Interned = Structure.Intern(Arena);
  Sink.add(Interned.getData(), Interned.getSize() * sizeof(unsigned));
  Sink.add(static_cast<uint64_t>(Names.CalculateHash()));
  NameCollector Collector(Sink, Context);
  Collector.TraverseStmt(const_cast<Stmt *>(Code));
}

bool isSerializationMethod(const CXXMethodDecl &Method) {
  const IdentifierInfo *Name = Method.getIdentifier();
  return Name && llvm::is_contained<llvm::StringRef>(
                     {"serialize", "save", "load", "save_minimal", "load_minimal"},
                     Name->getName());
}

/// What a declaration's meaning depends on, as written in this translation unit:
/// functions it calls, variables it reads, classes it uses. The compiler's own headers
/// are left out; their template arguments are followed (std::vector<Mine> depends on
/// Mine).
class DependencyCollector : public RecursiveASTVisitor<DependencyCollector> {
public:
  explicit DependencyCollector(CompilerHeaders &Headers) : Headers(Headers) {}

  bool shouldVisitImplicitCode() const { return false; }

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    addDecl(E->getDecl());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    addDecl(E->getMemberDecl());
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    addFunction(E->getConstructor());
    addType(E->getType());
    return true;
  }
  bool VisitOverloadExpr(OverloadExpr *E) { // dependent calls: every candidate
    for (NamedDecl *Candidate : E->decls())
      addDecl(Candidate);
    return true;
  }
  bool VisitValueDecl(ValueDecl *D) {
    addType(D->getType());
    return true;
  }

  void addFunction(const FunctionDecl *FD) {
    if (!FD)
      return;
    if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
      FD = Pattern;
    const FunctionDecl *Definition = FD->getDefinition();
    if (Definition && Definition->getBody()) {
      if (isUserCode(*Definition))
        add(Definition);
    } else if (isDefinedElsewhere(*FD)) {
      FD = FD->getCanonicalDecl();
      if (llvm::find(External, FD) == External.end())
        External.push_back(FD);
    }
  }

  void addType(QualType Written) {
    if (Written.isNull())
      return;
    const Type *Inner = Written.getNonReferenceType().getTypePtr();
    while (Inner->getPointeeOrArrayElementType() != Inner)
      Inner = Inner->getPointeeOrArrayElementType();
    const auto *Record = Inner->getAsCXXRecordDecl();
    if (!Record || !Record->hasDefinition() || !Seen.insert(Record).second)
      return;
    if (const auto *Specialization = dyn_cast<ClassTemplateSpecializationDecl>(Record))
      for (const TemplateArgument &Argument : Specialization->getTemplateArgs().asArray())
        if (Argument.getKind() == TemplateArgument::Type)
          addType(Argument.getAsType());
    if (isUserCode(*Record))
      add(Record->getDefinition());
  }

  std::vector<const Decl *> Found;
  std::vector<const FunctionDecl *> External;

private:
  /// cachepy's runtime is neither the user's code nor what a cached function computes.
  bool isUserCode(const Decl &D) {
    return !isInRuntime(D) &&
           !Headers.contains(D.getLocation(), D.getASTContext().getSourceManager());
  }

  /// A function some other object file may define, with a call record of its own.
  bool isDefinedElsewhere(const FunctionDecl &FD) {
    return !FD.isTemplated() && FD.isExternallyVisible() && !FD.getBuiltinID() &&
           !FD.isDeleted() && isUserCode(FD);
  }

  void addDecl(const Decl *D) {
    if (!D)
      return;
    if (const auto *FD = D->getAsFunction())
      return addFunction(FD);
    if (const auto *Var = dyn_cast<VarDecl>(D))
      if (Var->hasGlobalStorage() && Var->getAnyInitializer() && isUserCode(*Var))
        add(Var->getCanonicalDecl());
  }

  void add(const Decl *D) {
    if (llvm::find(Found, D) == Found.end())
      Found.push_back(D);
  }

  CompilerHeaders &Headers;
  llvm::SmallPtrSet<const CXXRecordDecl *, 16> Seen;
};

} // namespace

bool isInRuntime(const Decl &D) {
  const NamespaceDecl *Outermost = nullptr;
  for (const DeclContext *Context = D.getDeclContext(); Context; Context = Context->getParent())
    if (const auto *Namespace = dyn_cast<NamespaceDecl>(Context))
      Outermost = Namespace;
  return Outermost && Outermost->getName() == "cachepy";
}

const BodyHasher::References &BodyHasher::references(const Decl &D) {
  auto It = Dependencies.find(&D);
  if (It != Dependencies.end())
    return It->second;
  DependencyCollector Collector(Headers);
  if (const auto *FD = dyn_cast<FunctionDecl>(&D)) {
    Collector.TraverseStmt(const_cast<Stmt *>(FD->getBody()));
    Collector.addType(FD->getReturnType());
    for (const ParmVarDecl *Param : FD->parameters())
      Collector.addType(Param->getType());
    // A template's calls through its parameters resolve per instantiation.
    if (const FunctionTemplateDecl *Template = FD->getDescribedFunctionTemplate())
      for (const FunctionDecl *Instance : Template->specializations())
        Collector.TraverseStmt(const_cast<Stmt *>(Instance->getBody()));
  } else if (const auto *Var = dyn_cast<VarDecl>(&D)) {
    Collector.addType(Var->getType());
    Collector.TraverseStmt(const_cast<Expr *>(Var->getAnyInitializer()));
  } else if (const auto *Record = dyn_cast<CXXRecordDecl>(&D)) {
    for (const CXXBaseSpecifier &Base : Record->bases())
      Collector.addType(Base.getType());
    for (const FieldDecl *Field : Record->fields()) {
      Collector.addType(Field->getType());
      Collector.TraverseStmt(Field->getInClassInitializer());
    }
    for (const Decl *Member : Record->decls()) {
      const Decl *Inner = Member;
      if (const auto *Template = dyn_cast<FunctionTemplateDecl>(Member))
        Inner = Template->getTemplatedDecl();
      if (const auto *Method = dyn_cast<CXXMethodDecl>(Inner);
          Method && isSerializationMethod(*Method))
        Collector.addFunction(Method);
    }
  }
  return Dependencies[&D] = {std::move(Collector.Found), std::move(Collector.External)};
}

AstHash BodyHasher::ownHash(const Decl &D) {
  auto It = Own.find(&D);
  if (It != Own.end())
    return It->second;
  const ASTContext &Context = D.getASTContext();
  HashSink Sink;
  Sink.add(static_cast<uint64_t>(D.getKind()));
  if (const auto *FD = dyn_cast<FunctionDecl>(&D)) {
    Sink.add(static_cast<uint64_t>(const_cast<FunctionDecl *>(FD)->getODRHash()));
    Sink.add(nameText(*FD));
    Sink.add(typeText(FD->getType(), Context));
    hashCode(Sink, FD->getBody(), Context);
  } else if (const auto *Var = dyn_cast<VarDecl>(&D)) {
    Sink.add(nameText(*Var));
    Sink.add(typeText(Var->getType(), Context));
    hashCode(Sink, Var->getAnyInitializer(), Context);
  } else if (const auto *Record = dyn_cast<CXXRecordDecl>(&D)) {
    Sink.add(nameText(*Record));
    for (const CXXBaseSpecifier &Base : Record->bases())
      Sink.add(typeText(Base.getType(), Context));
    for (const FieldDecl *Field : Record->fields()) {
      Sink.add(Field->getName());
      Sink.add(typeText(Field->getType(), Context));
      hashCode(Sink, Field->getInClassInitializer(), Context);
    }
  }
  return Own[&D] = Sink.digest();
}

std::vector<const Decl *> BodyHasher::reachable(const FunctionDecl &Definition) {
  llvm::SmallPtrSet<const Decl *, 16> Reached{&Definition};
  std::vector<const Decl *> Found{&Definition};
  for (size_t Next = 0; Next < Found.size(); ++Next)
    for (const Decl *Dependency : references(*Found[Next]).Defined)
      if (Reached.insert(Dependency).second)
        Found.push_back(Dependency);
  return Found;
}

/// The function's own hash, combined with the own hashes of everything it reaches,
/// sorted: deterministic, and safe for recursion and mutual recursion.
AstHash BodyHasher::hashWithDependencies(const FunctionDecl &Definition) {
  std::vector<std::pair<uint64_t, uint64_t>> Reachable;
  const std::vector<const Decl *> Reached = reachable(Definition);
  for (const Decl *Dependency : llvm::drop_begin(Reached)) {
    AstHash Hash = ownHash(*Dependency);
    Reachable.emplace_back(Hash.High, Hash.Low);
  }
  llvm::sort(Reachable);
  HashSink Sink;
  AstHash Self = ownHash(Definition);
  Sink.add(Self.High);
  Sink.add(Self.Low);
  Sink.add(Reachable.data(), Reachable.size() * sizeof(Reachable[0]));
  return Sink.digest();
}

std::vector<const FunctionDecl *> BodyHasher::externalCallees(const FunctionDecl &Definition) {
  std::vector<const FunctionDecl *> Callees;
  for (const Decl *Reached : reachable(Definition))
    for (const FunctionDecl *Callee : references(*Reached).External)
      if (llvm::find(Callees, Callee) == Callees.end())
        Callees.push_back(Callee);
  return Callees;
}

} // namespace cachepy
