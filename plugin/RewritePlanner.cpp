//===- RewritePlanner.cpp - Parses the TU once to plan its rewrite --------===//

#include "RewritePlanner.h"

#include "BodyHasher.h"
#include "CacheFileAttr.h"
#include "CacheFileOptions.h"
#include "ClangCompat.h"
#include "CompilerHeaders.h"
#include "Diagnostics.h"
#include "FunctionChecks.h"
#include "FunctionRewriter.h"
#include "NestedParse.h"
#include "StoredTypes.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Rewrite/Core/Rewriter.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"

namespace cachepy {
using namespace clang;

namespace {

/// Everything that makes a function unfit for caching is reported by the real
/// compilation; the plan just leaves such a function as it is. The attribute was read
/// where it was applied (CacheFileAttr.cpp): a misused one has no options.
std::optional<CachedFunction> planFunction(const AnnotatedDecl &Annotated, BodyHasher &Hasher,
                                           StoredTypes &Types, StoredTypesVerdict &Verdict) {
  const FunctionDecl *Definition = Annotated.Decl->getDefinition();
  if (!Definition || !Annotated.Options || checkCachedDefinition(*Definition))
    return std::nullopt;
  CachedFunction Function;
  Function.Definition = Definition;
  Function.Options = *Annotated.Options;
  Function.Hash = Hasher.hashWithDependencies(*Definition);
  ParameterPositions Positions = parameterPositions(Function.Options, *Annotated.Decl);
  Verdict = Types.judge(*Definition, Positions.outOfKeyByValue());
  if (Verdict.Problem)
    return std::nullopt;
  Function.FileArgPositions = std::move(Positions.FileArgs);
  Function.IgnoredPositions = std::move(Positions.Ignored);
  if (Annotated.Decl == Definition)
    Function.AttrLoc = Annotated.AttrNameLoc;
  Function.Layout = Verdict.Layout;
  return Function;
}

class PlanningConsumer : public ASTConsumer {
public:
  PlanningConsumer(CompilerInstance &CI, TranslationUnitPlan &Result,
                   const ErrorLocations &Errors)
      : PP(CI.getPreprocessor()), SM(PP.getSourceManager()), Headers(CI), Result(Result),
        Errors(Errors) {}

  void Initialize(ASTContext &Context) override {
    Log.emplace(Context, AnnotationLog::Misuse::Ignore);
  }

  /// Bodies in the compiler's own headers are never cached nor hashed: skip them.
  /// (Skipping every body but the cached ones measured no faster: declarations
  /// dominate the parse.)
  bool shouldSkipFunctionBody(Decl *D) override {
    return Headers.contains(D->getLocation(), SM);
  }

  void HandleTranslationUnit(ASTContext &Context) override {
    Rewriter Rewrite(SM, Context.getLangOpts());
    std::unique_ptr<MangleContext> Mangler(Context.createMangleContext());
    BodyHasher Hasher(Headers);
    StoredTypes Types(Context, Hasher);
    struct Planned {
      CachedFunction Function;
      StoredTypesVerdict Types;
    };
    std::vector<Planned> Functions;
    llvm::SmallPtrSet<const FunctionDecl *, 8> Done;
    for (const AnnotatedDecl &Annotated : Log->annotated()) {
      if (Headers.contains(Annotated.Decl->getLocation(), SM))
        continue;
      StoredTypesVerdict Verdict;
      std::optional<CachedFunction> Function = planFunction(Annotated, Hasher, Types, Verdict);
      if (Function && !Errors.anyWithin(Function->Definition->getSourceRange(), SM) &&
          Done.insert(Function->Definition).second)
        Functions.push_back({std::move(*Function), std::move(Verdict)});
    }
    // In the order of their definitions: a class's derivation goes before the first.
    llvm::sort(Functions, [&](const Planned &A, const Planned &B) {
      return SM.isBeforeInTranslationUnit(A.Function.Definition->getBeginLoc(),
                                          B.Function.Definition->getBeginLoc());
    });
    // Derivations left in place by a function that then could not be rewritten are
    // only unused specializations.
    for (const Planned &P : Functions)
      if (insertAtGlobalScope(Rewrite, P.Function, Types.derivations(P.Types.Derived),
                              P.Types.AfterEverything) &&
          !rewriteCachedFunction(Rewrite, *Mangler, P.Function))
        Result.Functions.push_back(describe(P.Function));
    Result.SawRuntime = PP.isMacroDefined("CACHEPY_REWRITTEN");
    for (auto It = Rewrite.buffer_begin(); It != Rewrite.buffer_end(); ++It) {
      OptionalFileEntryRef File = SM.getFileEntryRefForID(It->first);
      if (!File)
        continue;
      std::string Text;
      llvm::raw_string_ostream Out(Text);
      It->second.write(Out);
      Result.Files.push_back({*File, std::move(Out.str()), It->first == SM.getMainFileID()});
    }
  }

private:
  PlannedFunction describe(const CachedFunction &Function) const {
    const FunctionDecl &FD = *Function.Definition;
    const CacheFileOptions &O = Function.Options;
    std::string Options = "cache_dir=" + O.CacheDirExpr.value_or("(default)");
    auto add = [&](const std::string &Key, const std::string &Value) {
      if (!Value.empty())
        Options += " " + Key + "=" + Value;
    };
    auto joined = [](const auto &Items) {
      std::string Out;
      for (const auto &Item : Items)
        Out += (Out.empty() ? "" : ",") + std::string(Item);
      return Out;
    };
    add("version", O.Version);
    add("format", O.Format);
    add("verbose", O.Verbose ? "true" : "");
    add("file_args", joined(O.FileArgs));
    add("ignore", joined(O.Ignore));
    add("depends_on_files", joined(O.DependsOnFiles));
    add("env_vars", joined(O.EnvVars));
    std::vector<std::string> Vars;
    for (const auto &[Name, Value] : O.DependsOnVars)
      Vars.push_back(Name + ":" + Value);
    add("depends_on_vars", joined(Vars));
    PresumedLoc Where = SM.getPresumedLoc(FD.getLocation());
    return {std::string(Where.getFilename()) + ":" + std::to_string(Where.getLine()),
            FD.getQualifiedNameAsString(), Options,
            llvm::utohexstr(Function.Hash.High, true, 16) +
                llvm::utohexstr(Function.Hash.Low, true, 16)};
  }

  Preprocessor &PP;
  SourceManager &SM;
  CompilerHeaders Headers;
  TranslationUnitPlan &Result;
  const ErrorLocations &Errors;
  std::optional<AnnotationLog> Log; ///< this parse's, open while it parses
};

class PlanningAction : public SyntaxOnlyAction {
public:
  explicit PlanningAction(TranslationUnitPlan &Result) : Result(Result) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    return std::make_unique<PlanningConsumer>(CI, Result,
                                              recordErrorLocations(CI.getDiagnostics()));
  }

private:
  TranslationUnitPlan &Result;
};

/// The real compilation's invocation, reduced to a quiet parse that writes nothing.
std::shared_ptr<CompilerInvocation> planningInvocation(CompilerInstance &CI) {
  std::shared_ptr<CompilerInvocation> Invocation =
      nestedInvocation(CI, frontend::ParseSyntaxOnly);
  Invocation->getFrontendOpts().SkipFunctionBodies = true;
  return Invocation;
}

} // namespace

std::unique_ptr<FrontendAction> createPlanningAction(TranslationUnitPlan &Plan) {
  return std::make_unique<PlanningAction>(Plan);
}

namespace {

TranslationUnitPlan plan(CompilerInstance &CI, const std::string &RuntimeHeader,
                         const std::string &RuntimePCH) {
  TranslationUnitPlan Result;
  std::shared_ptr<CompilerInvocation> Invocation = planningInvocation(CI);
  PreprocessorOptions &Preprocessing = Invocation->getPreprocessorOpts();
  if (!RuntimePCH.empty())
    Preprocessing.ImplicitPCHInclude = RuntimePCH;
  else
    Preprocessing.Includes.insert(Preprocessing.Includes.begin(), RuntimeHeader);
  // Shares the module cache, which holds the PCH's bytes (RuntimePCH.cpp).
  NestedCompilerInstance Planner(CI, std::move(Invocation), /*ShareFiles=*/true);
  PlanningAction Action(Result);
  Planner.ExecuteAction(Action);
  return Result;
}

} // namespace

TranslationUnitPlan planRewrites(CompilerInstance &CI, const std::string &RuntimeHeader,
                                 std::string &RuntimePCH) {
  if (!RuntimePCH.empty()) {
    TranslationUnitPlan Result = plan(CI, RuntimeHeader, RuntimePCH);
    if (Result.SawRuntime)
      return Result;
    RuntimePCH.clear(); // it did not load: the compilation takes the text too
  }
  return plan(CI, RuntimeHeader, "");
}

} // namespace cachepy
