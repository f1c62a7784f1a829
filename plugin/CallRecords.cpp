//===- CallRecords.cpp - What each object file publishes about its functions ===//

#include "CallRecords.h"

#include "BodyHasher.h"
#include "ClangCompat.h"
#include "CompilerHeaders.h"
#include "RewriteNames.h"
#include "key/call_record_note.hpp"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

namespace cachepy {
using namespace clang;

namespace {

/// What the runtime reads: the note's name, type, section and fields.
namespace Layout = detail::call_record_note;

/// The record's note: the ELF header (name size, description size, type), the name, then
/// the description. Packed: notes are 4-byte aligned, so the runtime copies the 64-bit
/// fields out.
llvm::Constant *noteFor(llvm::LLVMContext &Context, std::uint64_t Name, AstHash Hash,
                        const std::vector<std::pair<std::uint64_t, std::string>> &Callees) {
  llvm::Type *Int32 = llvm::Type::getInt32Ty(Context);
  llvm::Type *Int64 = llvm::Type::getInt64Ty(Context);
  std::vector<std::uint64_t> CalleeNames;
  std::string Strings;
  for (const auto &[CalleeName, Text] : Callees) {
    CalleeNames.push_back(CalleeName);
    Strings += Text + '\0';
  }
  Strings.resize(llvm::alignTo(Strings.size(), 4), '\0');
  const std::uint64_t DescSize =
      Layout::fixed_desc_size + Layout::callee_size * CalleeNames.size() + Strings.size();
  // The fixed fields, in this order and these widths (packed, so each is at its offset).
  static_assert(Layout::record_name_offset == 0 && Layout::ast_hash_high_offset == 8 &&
                    Layout::ast_hash_low_offset == 16 && Layout::callee_count_offset == 24 &&
                    Layout::fixed_desc_size == 28,
                "the fields below follow call_record_note.hpp");
  std::vector<llvm::Constant *> Fields = {
      llvm::ConstantInt::get(Int32, sizeof Layout::name), llvm::ConstantInt::get(Int32, DescSize),
      llvm::ConstantInt::get(Int32, Layout::type),
      llvm::ConstantDataArray::getString(
          Context, llvm::StringRef(Layout::name, sizeof Layout::name), /*AddNull=*/false),
      llvm::ConstantInt::get(Int64, Name), llvm::ConstantInt::get(Int64, Hash.High),
      llvm::ConstantInt::get(Int64, Hash.Low),
      llvm::ConstantInt::get(Int32, CalleeNames.size()),
      llvm::ConstantDataArray::get(Context, CalleeNames)};
  Fields.push_back(llvm::ConstantDataArray::getString(Context, Strings, /*AddNull=*/false));
  return llvm::ConstantStruct::getAnon(Fields, /*Packed=*/true);
}

/// A record as the AST describes it. The driver frees the AST before the backend runs
/// (-clear-ast-before-backend), so all of it is computed while the AST is there.
struct PlannedRecord {
  std::string Function; ///< the function's name in the object file
  std::uint64_t Name;   ///< recordName: what the runtime finds it by
  bool Rewritten;       ///< a cached function: its record is named by its site
  AstHash Hash;
  std::vector<std::pair<std::uint64_t, std::string>> Callees; ///< record name, name; sorted
};

/// One compilation's functions that may need a record, and the writing of them.
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
      if (!Planned.Rewritten && (Function->hasLocalLinkage() || Function->hasLinkOnceLinkage()))
        continue; // every caller has it in its own translation unit
      define(Module, Planned, *Function);
    }
  }

private:
  /// Declarations in the compiler's own headers are skipped whole, namespace std first.
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

  /// External functions are always emitted; a rewritten static or inline one names its
  /// record, so it gets one if it is emitted.
  void addCandidate(const FunctionDecl &FD) {
    if (!FD.doesThisDeclarationHaveABody() || FD.isDependentContext() || FD.isMain() ||
        isInRuntime(FD))
      return;
    const bool Rewritten = isRewritten(FD);
    if (!Rewritten && (!FD.isExternallyVisible() || FD.isInlined()))
      return;
    PlannedRecord Planned{mangledName(FD, *Mangler), recordName(FD, *Mangler), Rewritten,
                          Hasher.hashWithDependencies(FD), {}};
    for (const FunctionDecl *Callee : Hasher.externalCallees(FD))
      Planned.Callees.emplace_back(recordName(*Callee, *Mangler),
                                   Callee->getQualifiedNameAsString());
    llvm::sort(Planned.Callees);
    Records.push_back(std::move(Planned));
  }

  /// The note goes where its function goes: into its COMDAT group, so that the linker
  /// keeps one for an inline function or an explicit instantiation, and drops it with
  /// the function. Nothing refers to it: llvm.compiler.used keeps it through
  /// optimization, and linkers keep SHT_NOTE sections under --gc-sections.
  static void define(llvm::Module &Module, const PlannedRecord &Planned,
                     const llvm::GlobalValue &Function) {
    llvm::Constant *Note =
        noteFor(Module.getContext(), Planned.Name, Planned.Hash, Planned.Callees);
    auto *Record = new llvm::GlobalVariable(Module, Note->getType(), /*isConstant=*/true,
                                            llvm::GlobalValue::PrivateLinkage, Note,
                                            "cachepy.record." + Planned.Function);
    Record->setSection(Layout::section);
    Record->setAlignment(llvm::Align(4));
    // AddressSanitizer would pad the note with a redzone and align it to 32 bytes: the
    // note segment would no longer parse, and the runtime's reads would hit the redzone.
    llvm::GlobalValue::SanitizerMetadata Unpadded;
    Unpadded.NoAddress = true;
    Unpadded.NoHWAddress = true;
    Record->setSanitizerMetadata(Unpadded);
    if (const llvm::GlobalObject *Object = Function.getAliaseeObject())
      Record->setComdat(const_cast<llvm::GlobalObject *>(Object)->getComdat());
    llvm::appendToCompilerUsed(Module, {Record});
  }

  CompilerHeaders Headers;
  BodyHasher Hasher;
  const SourceManager *SM = nullptr;
  std::unique_ptr<MangleContext> Mangler;
  std::vector<PlannedRecord> Records;
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

std::unique_ptr<ASTConsumer> createCallRecordsConsumer(CompilerInstance &CI) {
  if (!generatesCode(CI))
    return nullptr;
  auto Writer = std::make_shared<RecordWriter>(CI);
  if (!addModulePass(CI, [Writer](llvm::Module &Module) { Writer->write(Module); }))
    return nullptr;
  return std::make_unique<CallRecordsConsumer>(std::move(Writer));
}

} // namespace cachepy
