//===- CacheFileAttr.cpp - Registers [[cachepy::cache_file]] --------------===//

#include "CacheFileAttr.h"

#include "AttributeArgs.h"
#include "CacheFileOptions.h"
#include "Diagnostics.h"
#include "FunctionChecks.h"

#include "clang/Sema/ParsedAttr.h"
#include "clang/Sema/Sema.h"
#include "llvm/ADT/DenseMap.h"

#include <mutex>
#include <variant>

namespace cachepy {
using namespace clang;

namespace {

/// Which parse's log is open: an index, not state; each log belongs to its parse.
struct OpenLogs {
  std::mutex Lock; ///< LibTooling may parse on several threads
  llvm::DenseMap<const ASTContext *, AnnotationLog *> ByContext;
};

OpenLogs &openLogs() {
  static OpenLogs Logs;
  return Logs;
}

} // namespace

AnnotationLog::AnnotationLog(const ASTContext &Context, Misuse Handling)
    : Context(Context), Handling(Handling) {
  OpenLogs &Logs = openLogs();
  std::lock_guard<std::mutex> Guard(Logs.Lock);
  Logs.ByContext[&Context] = this;
}

AnnotationLog::~AnnotationLog() {
  OpenLogs &Logs = openLogs();
  std::lock_guard<std::mutex> Guard(Logs.Lock);
  Logs.ByContext.erase(&Context);
}

AnnotationLog *AnnotationLog::of(const ASTContext &Context) {
  OpenLogs &Logs = openLogs();
  std::lock_guard<std::mutex> Guard(Logs.Lock);
  return Logs.ByContext.lookup(&Context);
}

namespace {

class CacheFileAttrInfo : public ParsedAttrInfo {
public:
  CacheFileAttrInfo() {
    // The arguments are read from the source tokens (AttributeArgs.h); letting clang
    // skip them as a balanced token sequence keeps `key=value` legal.
    OptArgs = 15;
    static constexpr Spelling Spellings[] = {
        {ParsedAttr::AS_CXX11, "cachepy::cache_file"}};
    this->Spellings = Spellings;
  }

  bool diagAppertainsToDecl(Sema &S, const ParsedAttr &Attr,
                            const Decl *D) const override {
    if (isa<FunctionDecl>(D))
      return true;
    if (const AnnotationLog *Log = AnnotationLog::of(S.getASTContext());
        Log && Log->reportsMisuse())
      report(S.getDiagnostics(), {Attr.getLoc(), DiagId::NotAFunction, {}, {}});
    return false;
  }

  AttrHandling handleDeclAttribute(Sema &S, Decl *D,
                                   const ParsedAttr &Attr) const override {
    const auto *FD = cast<FunctionDecl>(D);
    AnnotationLog *Log = AnnotationLog::of(S.getASTContext());
    if (!Log) // a parse of cachepy's own (precompiling the runtime)
      return AttributeApplied;
    std::variant<CacheFileOptions, AttrProblem> Reading =
        readAttribute(S.getPreprocessor(), *FD, Attr.getLoc());
    if (auto *Options = std::get_if<CacheFileOptions>(&Reading)) {
      Log->record({FD, Attr.getLoc(), std::move(*Options)});
      return AttributeApplied;
    }
    Log->record({FD, Attr.getLoc(), std::nullopt});
    if (Log->reportsMisuse())
      report(S.getDiagnostics(), std::get<AttrProblem>(Reading));
    return AttributeApplied;
  }

private:
  /// The attribute at NameLoc, read: its arguments parsed and interpreted, and FD's
  /// signature checked. The only reading of an annotation in a parse: the planning
  /// parse rewrites by it, the compilation reports its problem.
  static std::variant<CacheFileOptions, AttrProblem>
  readAttribute(const Preprocessor &PP, const FunctionDecl &FD, SourceLocation NameLoc) {
    ParsedCacheFileArgs Parsed = parseCacheFileArgs(PP, NameLoc);
    if (Parsed.Problem)
      return *Parsed.Problem;
    std::variant<CacheFileOptions, AttrProblem> Options = interpretCacheFileArgs(Parsed.Args, FD);
    if (std::holds_alternative<CacheFileOptions>(Options))
      if (std::optional<AttrProblem> Problem = checkCachedSignature(FD))
        return *Problem;
    return Options;
  }
};

ParsedAttrInfoRegistry::Add<CacheFileAttrInfo> Registration("cachepy-cache-file",
                                                             "cachepy::cache_file");

} // namespace
} // namespace cachepy
