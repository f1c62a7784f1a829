//===- CallRecords.cpp - What each object file publishes about its functions ===//

#include "CallRecords.h"

#include "BodyHasher.h"
#include "ClangCompat.h"
#include "CompilerHeaders.h"
#include "FunctionRewriter.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Module.h"

namespace cachepy {
using namespace clang;

namespace {

constexpr llvm::StringLiteral RecordPrefix = "cachepy.record.";

// The record layout the runtime reads (function_record, record_callee).
struct RecordTypes {
  explicit RecordTypes(llvm::LLVMContext &Context)
      : Int64(llvm::Type::getInt64Ty(Context)), Pointer(llvm::PointerType::getUnqual(Context)),
        Record(llvm::StructType::get(Context, {Int64, Int64, Int64, Pointer})),
        Callee(llvm::StructType::get(Context, {Pointer, Pointer})) {}

  llvm::IntegerType *Int64;
  llvm::PointerType *Pointer;
  llvm::StructType *Record;
  llvm::StructType *Callee;
};

// A record goes where its function goes: one per program for an external function,
// folded by the linker for an inline one, and private to the object for a static one.
llvm::GlobalValue::LinkageTypes recordLinkage(const llvm::GlobalValue &Function) {
  if (Function.hasLocalLinkage())
    return llvm::GlobalValue::InternalLinkage;
  if (Function.hasLinkOnceLinkage())
    return llvm::GlobalValue::LinkOnceODRLinkage;
  if (Function.hasWeakLinkage())
    return llvm::GlobalValue::WeakODRLinkage;
  return llvm::GlobalValue::ExternalLinkage;
}

// A record as the AST describes it. The driver frees the AST before the backend runs
// (-clear-ast-before-backend), so all of it is computed while the AST is there.
struct PlannedRecord {
  std::string Function; // the function's name in the object file
  AstHash Hash;
  std::vector<std::pair<std::string, std::string>> Callees; // record symbol, name; sorted
};

// One compilation's functions that may need a record, and the writing of them.
class RecordWriter {
public:
  explicit RecordWriter(CompilerInstance &CI) : Headers(CI), Hasher(Headers) {}

  void collect(ASTContext &Context) {
    SM = &Context.getSourceManager();
    Mangler.reset(Context.createMangleContext());
    collectFrom(*Context.getTranslationUnitDecl());
  }

  void write(llvm::Module &Module) {
    for (const PlannedRecord &Planned : Records) {
      const llvm::GlobalValue *Function = Module.getNamedValue(Planned.Function);
      if (!Function || Function->isDeclaration())
        continue; // not emitted: nothing calls it here
      const std::string Symbol = RecordPrefix.str() + Planned.Function;
      const llvm::GlobalVariable *Named = Module.getNamedGlobal(Symbol);
      const bool NamedByRewrite = Named && Named->isDeclaration();
      if (!NamedByRewrite && (Function->hasLocalLinkage() || Function->hasLinkOnceLinkage()))
        continue; // every caller has it in its own translation unit
      define(Module, Planned, *Function, Symbol);
    }
  }

private:
  // Declarations in the compiler's own headers are skipped whole, namespace std first.
  void collectFrom(const DeclContext &Context) {
    for (const Decl *D : Context.decls()) {
      if (!isa<NamespaceDecl, LinkageSpecDecl, FunctionDecl, FunctionTemplateDecl>(D) ||
          Headers.contains(D->getLocation(), *SM))
        continue;
      if (const auto *Inner = dyn_cast<DeclContext>(D); Inner && !isa<FunctionDecl>(D))
        collectFrom(*Inner);
      else if (const auto *FD = dyn_cast<FunctionDecl>(D))
        addCandidate(*FD);
      else
        for (const FunctionDecl *Instance : cast<FunctionTemplateDecl>(D)->specializations())
          if (Instance->getTemplateSpecializationKind() == TSK_ExplicitInstantiationDefinition)
            addCandidate(*Instance);
    }
  }

  // External functions are always emitted; a rewritten static or inline one names its
  // record, so it gets one if it is emitted.
  void addCandidate(const FunctionDecl &FD) {
    if (!FD.doesThisDeclarationHaveABody() || FD.isDependentContext() || FD.isMain() ||
        isInRuntime(FD))
      return;
    if (!isRewritten(FD) && (!FD.isExternallyVisible() || FD.isInlined()))
      return;
    PlannedRecord Planned{mangledName(FD, *Mangler), Hasher.hashWithDependencies(FD), {}};
    for (const FunctionDecl *Callee : Hasher.externalCallees(FD))
      Planned.Callees.emplace_back(recordSymbol(*Callee, *Mangler),
                                   Callee->getQualifiedNameAsString());
    llvm::sort(Planned.Callees);
    Records.push_back(std::move(Planned));
  }

  void define(llvm::Module &Module, const PlannedRecord &Planned,
              const llvm::GlobalValue &Function, const std::string &Symbol) {
    const RecordTypes Types(Module.getContext());
    const llvm::GlobalValue::LinkageTypes Linkage = recordLinkage(Function);
    llvm::Comdat *Group = llvm::GlobalValue::isLinkOnceLinkage(Linkage) ||
                                  llvm::GlobalValue::isWeakLinkage(Linkage)
                              ? Module.getOrInsertComdat(Symbol)
                              : nullptr;
    std::vector<llvm::Constant *> Entries;
    for (const auto &[CalleeSymbol, Name] : Planned.Callees)
      Entries.push_back(llvm::ConstantStruct::get(
          Types.Callee, {calleeRecord(Module, Types, CalleeSymbol), calleeName(Module, Name)}));
    llvm::Constant *CalleeArray = llvm::ConstantPointerNull::get(Types.Pointer);
    if (!Entries.empty())
      CalleeArray = privateConstant(
          Module,
          llvm::ConstantArray::get(llvm::ArrayType::get(Types.Callee, Entries.size()), Entries),
          Group);
    auto *Record = new llvm::GlobalVariable(
        Module, Types.Record, /*isConstant=*/true, Linkage,
        llvm::ConstantStruct::get(Types.Record,
                                  {llvm::ConstantInt::get(Types.Int64, Planned.Hash.High),
                                   llvm::ConstantInt::get(Types.Int64, Planned.Hash.Low),
                                   llvm::ConstantInt::get(Types.Int64, Entries.size()),
                                   CalleeArray}));
    // The rewritten body's declaration, and references from records written before.
    if (llvm::GlobalVariable *Declared = Module.getNamedGlobal(Symbol)) {
      Declared->replaceAllUsesWith(Record);
      Declared->eraseFromParent();
    }
    Record->setName(Symbol);
    Record->setAlignment(llvm::Align(8));
    Record->setComdat(Group);
    if (!Function.hasLocalLinkage())
      Record->setVisibility(Function.getVisibility());
  }

  // A callee's record: defined by its own object file, null where there is none.
  static llvm::Constant *calleeRecord(llvm::Module &Module, const RecordTypes &Types,
                                      const std::string &Symbol) {
    if (llvm::GlobalVariable *Known = Module.getNamedGlobal(Symbol))
      return Known;
    return new llvm::GlobalVariable(Module, Types.Record, /*isConstant=*/true,
                                    llvm::GlobalValue::ExternalWeakLinkage, nullptr, Symbol);
  }

  // One string per name in the object, outside any COMDAT: records of several groups
  // share it.
  llvm::Constant *calleeName(llvm::Module &Module, const std::string &Name) {
    llvm::Constant *&Known = Names[Name];
    if (!Known)
      Known = privateConstant(
          Module, llvm::ConstantDataArray::getString(Module.getContext(), Name), nullptr);
    return Known;
  }

  static llvm::Constant *privateConstant(llvm::Module &Module, llvm::Constant *Value,
                                         llvm::Comdat *Group) {
    auto *Global = new llvm::GlobalVariable(Module, Value->getType(), /*isConstant=*/true,
                                            llvm::GlobalValue::PrivateLinkage, Value,
                                            "cachepy.record.part");
    Global->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
    Global->setComdat(Group);
    return Global;
  }

  CompilerHeaders Headers;
  BodyHasher Hasher;
  const SourceManager *SM = nullptr;
  std::unique_ptr<MangleContext> Mangler;
  std::vector<PlannedRecord> Records;
  llvm::StringMap<llvm::Constant *> Names; // the callees' names, written once
};

class CallRecordsConsumer : public ASTConsumer {
public:
  explicit CallRecordsConsumer(std::shared_ptr<RecordWriter> Writer) : Writer(std::move(Writer)) {}
  void HandleTranslationUnit(ASTContext &Context) override { Writer->collect(Context); }

private:
  std::shared_ptr<RecordWriter> Writer;
};

bool generatesCode(const CompilerInstance &CI) {
  switch (CI.getFrontendOpts().ProgramAction) {
  case frontend::EmitAssembly:
  case frontend::EmitBC:
  case frontend::EmitLLVM:
  case frontend::EmitLLVMOnly:
  case frontend::EmitCodeGenOnly:
  case frontend::EmitObj:
    return true;
  default:
    return false;
  }
}

} // namespace

std::string mangledName(const FunctionDecl &FD, MangleContext &Mangler) {
  if (!Mangler.shouldMangleDeclName(&FD))
    return FD.getNameAsString();
  GlobalDecl Global(&FD);
  if (const auto *Constructor = dyn_cast<CXXConstructorDecl>(&FD))
    Global = GlobalDecl(Constructor, Ctor_Complete);
  else if (const auto *Destructor = dyn_cast<CXXDestructorDecl>(&FD))
    Global = GlobalDecl(Destructor, Dtor_Complete);
  std::string Mangled;
  llvm::raw_string_ostream Out(Mangled);
  Mangler.mangleName(Global, Out);
  return Out.str();
}

std::string recordSymbol(const FunctionDecl &FD, MangleContext &Mangler) {
  return RecordPrefix.str() + mangledName(FD, Mangler);
}

std::unique_ptr<ASTConsumer> createCallRecordsConsumer(CompilerInstance &CI) {
  if (!generatesCode(CI))
    return nullptr;
  auto Writer = std::make_shared<RecordWriter>(CI);
  if (!addModulePass(CI, [Writer](llvm::Module &Module) { Writer->write(Module); }))
    return nullptr;
  return std::make_unique<CallRecordsConsumer>(std::move(Writer));
}

} // namespace cachepy
