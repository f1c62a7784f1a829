//===- ClangCompat.h - What differs between the clang versions we build for -===//
//
// The plugin is built for one clang at a time (16 and newer, see CMakeLists.txt), and
// clang's C++ API changes between releases. Every call whose form depends on the
// version is here, so that the rest of the plugin reads the same for all of them.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_CLANGCOMPAT_H
#define CACHEPY_PLUGIN_CLANGCOMPAT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Serialization/ASTReader.h"
#include "clang/Serialization/InMemoryModuleCache.h"
#include "llvm/IR/Module.h"
#if CLANG_VERSION_MAJOR >= 22
#include "clang/Serialization/ModuleCache.h"
#endif
#if CLANG_VERSION_MAJOR >= 17
#include "llvm/Passes/PassBuilder.h"
#endif

#include <functional>
#include <memory>

namespace cachepy {

/// The type a class declares (clang 22 turned tag types into canonical tag types).
inline clang::QualType recordType(const clang::ASTContext &Context,
                                  const clang::CXXRecordDecl &Record) {
#if CLANG_VERSION_MAJOR >= 22
  return Context.getCanonicalTagType(&Record);
#else
  return Context.getRecordType(&Record);
#endif
}

/// A bit-field's width in bits.
inline unsigned bitWidth(const clang::FieldDecl &Field, const clang::ASTContext &Context) {
#if CLANG_VERSION_MAJOR >= 20
  (void)Context;
  return Field.getBitWidthValue();
#else
  return Field.getBitWidthValue(Context);
#endif
}

/// A compiler instance for a run nested in Outer's compilation (the planning parse,
/// the runtime header's precompilation), with Invocation's options, its diagnostics
/// ignored, and Outer's PCH container operations. With ShareFiles it also reads
/// through Outer's file manager and module cache (which holds the precompiled
/// runtime's bytes); without, it makes its own from Invocation.
class NestedCompilerInstance : public clang::CompilerInstance {
public:
  NestedCompilerInstance(clang::CompilerInstance &Outer,
                         std::shared_ptr<clang::CompilerInvocation> Invocation, bool ShareFiles)
#if CLANG_VERSION_MAJOR >= 22 // the invocation and a shared_ptr module cache at construction
      : CompilerInstance(std::move(Invocation), Outer.getPCHContainerOperations(),
                         ShareFiles ? Outer.getModuleCachePtr() : nullptr) {
    // Diagnostics read their suppression mappings through the file system: it comes first.
    if (ShareFiles)
      setVirtualFileSystem(Outer.getVirtualFileSystemPtr());
    else
      createVirtualFileSystem();
    createDiagnostics(new clang::IgnoringDiagConsumer(), /*ShouldOwnClient=*/true);
    if (ShareFiles)
      setFileManager(Outer.getFileManagerPtr());
  }
#else
      : CompilerInstance(Outer.getPCHContainerOperations(),
                         ShareFiles ? &Outer.getModuleCache() : nullptr) {
    setInvocation(std::move(Invocation));
    createDiagnostics(new clang::IgnoringDiagConsumer(), /*ShouldOwnClient=*/true);
    if (ShareFiles)
      setFileManager(&Outer.getFileManager());
  }
#endif
};

/// A diagnostics engine that reports nothing, for a look-up that may complain (clang
/// 21 takes the options by reference, so the engine keeps them beside it).
class QuietDiagnostics {
public:
  QuietDiagnostics()
#if CLANG_VERSION_MAJOR >= 21
      : Engine(new clang::DiagnosticIDs(), Options, new clang::IgnoringDiagConsumer(),
               /*ShouldOwnClient=*/true) {}
#else
      : Engine(new clang::DiagnosticIDs(), new clang::DiagnosticOptions(),
               new clang::IgnoringDiagConsumer(), /*ShouldOwnClient=*/true) {}
#endif
  clang::DiagnosticsEngine &engine() { return Engine; }

private:
#if CLANG_VERSION_MAJOR >= 21
  clang::DiagnosticOptions Options;
#endif
  clang::DiagnosticsEngine Engine;
};

/// The invocation's language options (clang 16 hands out a pointer).
inline clang::LangOptions &languageOptions(clang::CompilerInvocation &Invocation) {
#if CLANG_VERSION_MAJOR >= 17
  return Invocation.getLangOpts();
#else
  return *Invocation.getLangOpts();
#endif
}

/// Gives the invocation clang's default diagnostic options (clang 21 holds them by
/// shared_ptr and made them copyable; before, they are reference counted).
inline void resetDiagnosticOptions(clang::CompilerInvocation &Invocation) {
#if CLANG_VERSION_MAJOR >= 21
  Invocation.getDiagnosticOpts() = clang::DiagnosticOptions();
#else
  Invocation.DiagnosticOpts = new clang::DiagnosticOptions();
#endif
}

/// Whether this compilation is OpenMP's device side (renamed in clang 17).
inline bool isOpenMPTargetDevice(const clang::LangOptions &Lang) {
#if CLANG_VERSION_MAJOR >= 17
  return Lang.OpenMPIsTargetDevice;
#else
  return Lang.OpenMPIsDevice;
#endif
}

/// The module cache's in-memory part, where a loaded PCH's bytes are kept.
inline clang::InMemoryModuleCache &inMemoryModuleCache(clang::CompilerInstance &CI) {
#if CLANG_VERSION_MAJOR >= 22
  return CI.getModuleCache().getInMemoryModuleCache();
#else
  return CI.getModuleCache();
#endif
}

/// Whether clang would load the PCH at Path into CI's compilation rather than stop
/// it with an error (it checks the language, target, preprocessor options).
inline bool isAcceptablePCH(clang::CompilerInstance &CI, llvm::StringRef Path) {
  return clang::ASTReader::isAcceptableASTFile(
      Path, CI.getFileManager(), CI.getModuleCache(), CI.getPCHContainerReader(),
      CI.getLangOpts(),
#if CLANG_VERSION_MAJOR >= 22 // also the codegen and header search options
      CI.getCodeGenOpts(), CI.getTargetOpts(), CI.getPreprocessorOpts(),
      CI.getHeaderSearchOpts(),
#else
      CI.getTargetOpts(), CI.getPreprocessorOpts(),
#endif
      CI.getHeaderSearchOpts().ModuleCachePath);
}

/// An AST file listener that sees each input file of a PCH by its name on disk (clang 22
/// reports a PCH's inputs through visitInputFileAsRequested only).
class InputFileVisitor : public clang::ASTReaderListener {
public:
  /// \returns true to go on to the next input file.
  virtual bool inputFileSeen(llvm::StringRef Filename) = 0;

  bool visitInputFile(llvm::StringRef Filename, bool, bool, bool) override {
    return inputFileSeen(Filename);
  }
#if CLANG_VERSION_MAJOR >= 22
  bool visitInputFileAsRequested(llvm::StringRef, llvm::StringRef Filename, bool, bool, time_t,
                                 bool) override {
    return inputFileSeen(Filename);
  }
#endif
};

/// Preprocessor callbacks that see each #include before its file is entered, through
/// the parameters every version passes (clang 18 added one to InclusionDirective).
class IncludeCallbacks : public clang::PPCallbacks {
public:
  virtual void includeSeen(llvm::StringRef FileName, clang::OptionalFileEntryRef File) = 0;

  void InclusionDirective(clang::SourceLocation, const clang::Token &, llvm::StringRef FileName,
                          bool, clang::CharSourceRange, clang::OptionalFileEntryRef File,
                          llvm::StringRef, llvm::StringRef, const clang::Module *,
#if CLANG_VERSION_MAJOR >= 18
                          bool,
#endif
                          clang::SrcMgr::CharacteristicKind) override {
    includeSeen(FileName, File);
  }
};

#if CLANG_VERSION_MAJOR >= 17
/// An LLVM module pass that runs a function, even on optnone code.
struct ModuleCallbackPass : llvm::PassInfoMixin<ModuleCallbackPass> {
  std::function<void(llvm::Module &)> Run;

  llvm::PreservedAnalyses run(llvm::Module &Module, llvm::ModuleAnalysisManager &) {
    Run(Module);
    return llvm::PreservedAnalyses::none();
  }
  static bool isRequired() { return true; }
};
#endif

/// Runs Pass on the LLVM module CI's compilation generates, before it is optimized.
/// \returns false where clang lets no plugin add passes (before clang 17).
inline bool addModulePass(clang::CompilerInstance &CI,
                          std::function<void(llvm::Module &)> Pass) {
#if CLANG_VERSION_MAJOR >= 17
  CI.getCodeGenOpts().PassBuilderCallbacks.push_back([Pass](llvm::PassBuilder &Builder) {
    Builder.registerPipelineStartEPCallback(
        [Pass](llvm::ModulePassManager &Passes, llvm::OptimizationLevel) {
          Passes.addPass(ModuleCallbackPass{{}, Pass});
        });
  });
  return true;
#else
  static_cast<void>(CI);
  static_cast<void>(Pass);
  return false;
#endif
}

} // namespace cachepy

#endif // CACHEPY_PLUGIN_CLANGCOMPAT_H
