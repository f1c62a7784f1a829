//===- FunctionRewriter.cpp - Turns a cached function into a runtime call -===//

#include "FunctionRewriter.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Stmt.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace cachepy {
using namespace clang;

namespace {

std::string quoted(llvm::StringRef Text) {
  std::string Out = "\"";
  for (char C : Text) {
    if (C == '"' || C == '\\')
      Out += '\\';
    Out += C == '\n' ? ' ' : C;
  }
  return Out + '"';
}

// The mangled name tells overloads and namespaces apart and is the same in every
// build. A template's pattern has none: each instantiation names itself at run time.
std::string identityExpression(const FunctionDecl &FD, MangleContext &Mangler) {
  if (FD.isTemplated())
    return "__PRETTY_FUNCTION__";
  if (!Mangler.shouldMangleDeclName(&FD))
    return quoted(FD.getNameAsString());
  std::string Mangled;
  llvm::raw_string_ostream Out(Mangled);
  Mangler.mangleName(GlobalDecl(&FD), Out);
  return quoted(Out.str());
}

std::string returnTypeText(const FunctionDecl &FD) {
  const ASTContext &Context = FD.getASTContext();
  SourceRange Range = FD.getReturnTypeSourceRange();
  if (Range.isValid() && Range.getBegin().isFileID() && Range.getEnd().isFileID())
    return Lexer::getSourceText(CharSourceRange::getTokenRange(Range),
                                Context.getSourceManager(), Context.getLangOpts())
        .str();
  PrintingPolicy Policy(Context.getLangOpts());
  Policy.FullyQualifiedName = true;
  return FD.getReturnType().getAsString(Policy);
}

std::string argumentList(const FunctionDecl &FD) {
  std::string Out;
  for (const ParmVarDecl *Param : FD.parameters()) {
    // An unnamed parameter cannot influence the body, so it stays out of the key.
    if (Param->getName().empty())
      continue;
    Out += ", " + Param->getName().str();
    if (Param->isParameterPack())
      Out += "...";
  }
  return Out;
}

} // namespace

std::optional<AttrProblem> rewriteCachedFunction(Rewriter &Rewrite,
                                                 MangleContext &Mangler,
                                                 const CachedFunction &Function) {
  const FunctionDecl &FD = *Function.Definition;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(FD.getBody());
  if (!Body)
    return AttrProblem{FD.getLocation(), "cachepy::cache_file needs a function body"};
  SourceLocation Open = Body->getLBracLoc();
  SourceLocation Close = Body->getRBracLoc();
  if (!Open.isFileID() || !Close.isFileID() || !Rewrite.isRewritable(Open) ||
      !Rewrite.isRewritable(Close))
    return AttrProblem{FD.getLocation(), "cachepy::cache_file cannot rewrite a function "
                                         "whose braces come from a macro"};

  const CacheFileOptions &Options = Function.Options;
  std::string Before;
  llvm::raw_string_ostream Out(Before);
  Out << " static const ::cachepy::detail::function_site __cachepy_site("
      << quoted(FD.getQualifiedNameAsString()) << ", " << identityExpression(FD, Mangler)
      << ", " << llvm::format_hex(Function.Hash.High, 18) << "ULL, "
      << llvm::format_hex(Function.Hash.Low, 18) << "ULL, " << quoted(Options.Version)
      << ", " << (Options.Verbose ? "true" : "false") << ");"
      << " return ::cachepy::detail::call(__cachepy_site, "
      << (Options.CacheDirExpr ? *Options.CacheDirExpr : std::string("{}"))
      << ", [&]() -> " << returnTypeText(FD) << " {";

  Rewrite.InsertTextAfterToken(Open, Out.str());
  Rewrite.InsertTextBefore(Close, "}" + argumentList(FD) + "); ");
  return std::nullopt;
}

} // namespace cachepy
