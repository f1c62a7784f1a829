//===- FunctionRewriter.cpp - Turns a cached function into a runtime call -===//

#include "FunctionRewriter.h"

#include "RewriteNames.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/CharInfo.h"
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

/// The mangled name tells overloads and namespaces apart and is the same in every
/// build. A template's pattern has none: each instantiation names itself at run time.
std::string identityExpression(const FunctionDecl &FD, MangleContext &Mangler) {
  if (FD.isTemplated())
    return "__PRETTY_FUNCTION__";
  return quoted(mangledName(FD, Mangler));
}

std::string hexLiteral(uint64_t Value) {
  std::string Out;
  llvm::raw_string_ostream(Out) << llvm::format_hex(Value, 18) << "ULL";
  return Out;
}

/// The text of each of the site's fields, named as the runtime's contract names them
/// (CACHEPY_SITE_FIELDS): one the plugin leaves empty is `site_field::<name>{}`, which
/// the runtime does not accept.
struct SiteFields {
#define CACHEPY_SITE_TEXT(Name, Type) std::string Name;
  CACHEPY_SITE_FIELDS(CACHEPY_SITE_TEXT)
#undef CACHEPY_SITE_TEXT
};

SiteFields siteFields(const CachedFunction &Function, MangleContext &Mangler) {
  const FunctionDecl &FD = *Function.Definition;
  const CacheFileOptions &Options = Function.Options;
  SiteFields Site;
  Site.qualified_name = quoted(FD.getQualifiedNameAsString());
  Site.identity = identityExpression(FD, Mangler);
  Site.ast_hash_high = hexLiteral(Function.Hash.High);
  Site.ast_hash_low = hexLiteral(Function.Hash.Low);
  // A template's instantiations have no record of their own (CallRecords.h): 0.
  Site.record_name = FD.isTemplated() ? "0" : hexLiteral(recordName(FD, Mangler));
  Site.layout = hexLiteral(Function.Layout);
  Site.version = quoted(Options.Version);
  Site.verbose = Options.Verbose ? "true" : "false";
  Site.max_age_seconds = std::to_string(Options.MaxAgeSeconds) + "ULL";
  return Site;
}

/// The site's constructor's arguments: the rewrite's ABI number, then each field as its
/// own type, in the contract's order.
std::string siteArguments(const SiteFields &Site) {
  std::string Out = runtime::rewrite_abi.str() + "<" + std::to_string(runtime::RewriteAbi) + ">{}";
#define CACHEPY_SITE_ARGUMENT(Name, Type)                                                          \
  Out += ", " + runtime::site_field.str() + "::" #Name "{" + Site.Name + "}";
  CACHEPY_SITE_FIELDS(CACHEPY_SITE_ARGUMENT)
#undef CACHEPY_SITE_ARGUMENT
  return Out;
}

/// A concrete return type is printed from the AST (source ranges of return types leave
/// out leading qualifiers: `const char *` would read `char *`); a dependent one, which
/// prints as written anyway, is copied from the source.
std::string returnTypeText(const FunctionDecl &FD) {
  const ASTContext &Context = FD.getASTContext();
  QualType Type = FD.getReturnType();
  if (!Type->isDependentType() && !Type->isUndeducedType()) {
    PrintingPolicy Policy(Context.getLangOpts());
    Policy.FullyQualifiedName = true;
    Policy.SuppressUnwrittenScope = true;
    return Type.getAsString(Policy);
  }
  SourceRange Range = FD.getReturnTypeSourceRange();
  if (Range.isValid() && Range.getBegin().isFileID() && Range.getEnd().isFileID())
    return Lexer::getSourceText(CharSourceRange::getTokenRange(Range),
                                Context.getSourceManager(), Context.getLangOpts())
        .str();
  return "auto";
}

/// `auto f() { ... f(n - 1) ... }`: inside the lambda, f's type must already be
/// deduced, so a first, unreachable return states it.
std::string deducedReturnAnchor(const FunctionDecl &FD) {
  if (!FD.getDeclaredReturnType()->getContainedDeducedType() ||
      FD.getReturnType()->isDependentType() || FD.getReturnType()->isUndeducedType())
    return "";
  return " if (false) return " + runtime::unreachable.str() + "<" + returnTypeText(FD) + ">();";
}

/// A template's parameter may turn into a non-const lvalue reference (T&& bound to an
/// lvalue): checked per instantiation, as the signature check does for plain types.
std::string dependentParameterChecks(const FunctionDecl &FD) {
  std::string Out;
  for (const ParmVarDecl *Param : FD.parameters())
    if (!Param->getName().empty() && Param->getType()->isDependentType() &&
        !Param->isParameterPack())
      Out += " static_assert(!" + runtime::is_mutable_lvalue_reference.str() + "<decltype(" +
             Param->getName().str() +
             ")>::value, \"cachepy: a cached function cannot take a non-const lvalue "
             "reference (here '" +
             Param->getName().str() + "'): a hit would skip its changes to the argument\");";
  return Out;
}

/// A const member function's object enters the key like a first argument (its class
/// is judged by StoredTypes, as the parameters' types are).
bool takesObject(const FunctionDecl &FD) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&FD);
  return Method && Method->isInstance();
}

std::string argumentList(const CachedFunction &Function) {
  std::string Out;
  const FunctionDecl &FD = *Function.Definition;
  if (takesObject(FD))
    Out += ", " + runtime::object_state_of.str() + "(*this)";
  for (unsigned I = 0; I < FD.getNumParams(); ++I) {
    const ParmVarDecl *Param = FD.getParamDecl(I);
    // An unnamed parameter cannot influence the body, so it stays out of the key.
    if (Param->getName().empty() || Function.IgnoredPositions.count(I))
      continue;
    std::string Name = Param->getName().str();
    if (Function.FileArgPositions.count(I))
      Name = runtime::as_file_argument.str() + "(" + Name + ")";
    Out += ", " + Name;
    if (Param->isParameterPack())
      Out += "...";
  }
  return Out;
}

/// What the key depends on besides the arguments, evaluated at each call.
std::string dependencies(const CacheFileOptions &Options) {
  std::vector<std::string> Parts;
  for (const std::string &File : Options.DependsOnFiles)
    Parts.push_back(runtime::file_dependency.str() + "(" + File + ")");
  for (const std::string &Var : Options.EnvVars)
    Parts.push_back(runtime::env_dependency.str() + "{" + Var + "}");
  for (const auto &[Name, Value] : Options.DependsOnVars)
    Parts.push_back(runtime::named.str() + "(" + Name + ", (" + Value + "))");
  std::string Out = runtime::context_of.str() + "(";
  for (size_t I = 0; I < Parts.size(); ++I)
    Out += (I ? ", " : "") + Parts[I];
  return Out + ")";
}

std::string formatChoice(const CacheFileOptions &Options) {
  return runtime::format_choice.str() +
         "::" + (Options.Format.empty() ? std::string("configured") : Options.Format);
}

/// Code after '{' on its line would move right by the inserted call: a line directive
/// and padding put it back on its own line and column, for diagnostics and debug info.
std::string realignedRestOfLine(SourceLocation Open, const SourceManager &SM) {
  for (const char *C = SM.getCharacterData(Open) + 1; *C && *C != '\n' && *C != '\r'; ++C)
    if (!isWhitespace(*C))
      return "\n#line " + std::to_string(SM.getPresumedLineNumber(Open)) + "\n" +
             std::string(SM.getSpellingColumnNumber(Open), ' ');
  return "";
}

} // namespace

std::optional<AttrProblem> rewriteCachedFunction(Rewriter &Rewrite,
                                                 MangleContext &Mangler,
                                                 const CachedFunction &Function) {
  const FunctionDecl &FD = *Function.Definition;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(FD.getBody());
  if (!Body)
    return AttrProblem{FD.getLocation(), DiagId::NeedsBody, {}, {}};
  SourceLocation Open = Body->getLBracLoc();
  SourceLocation Close = Body->getRBracLoc();
  if (!Open.isFileID() || !Close.isFileID() || !Rewrite.isRewritable(Open) ||
      !Rewrite.isRewritable(Close))
    return AttrProblem{FD.getLocation(), DiagId::BodyFromMacro, {}, {}};

  const CacheFileOptions &Options = Function.Options;
  std::string Before;
  llvm::raw_string_ostream Out(Before);
  // The site is trivially destructible and its name unreserved, so a warning-strict
  // build gets no exit-time destructor warning, nor a reserved-identifier one.
  Out << " static const " << runtime::function_site << " " << SiteVariable << "("
      << siteArguments(siteFields(Function, Mangler)) << ");" << dependentParameterChecks(FD)
      << deducedReturnAnchor(FD) << " return " << runtime::call << "<" << formatChoice(Options)
      << ">(" << SiteVariable << ", "
      << (Options.CacheDirExpr ? *Options.CacheDirExpr : std::string("{}")) << ", "
      << dependencies(Options) << ", [&]() -> " << returnTypeText(FD) << " {";

  Rewrite.InsertTextAfterToken(Open, Out.str() + realignedRestOfLine(Open, Rewrite.getSourceMgr()));
  Rewrite.InsertTextBefore(Close, "}" + argumentList(Function) + "); ");
  return std::nullopt;
}

namespace {

/// The namespaces (and extern "C++" blocks) around D, innermost first; false if one of
/// them cannot be closed and reopened in the text.
bool enclosingBlocks(const Decl &D, llvm::SmallVectorImpl<const Decl *> &Blocks) {
  for (const DeclContext *DC = D.getLexicalDeclContext(); !DC->isTranslationUnit();
       DC = DC->getLexicalParent()) {
    const auto *Linkage = dyn_cast<LinkageSpecDecl>(DC);
    if (!isa<NamespaceDecl>(DC) && !(Linkage && Linkage->hasBraces()))
      return false;
    Blocks.push_back(cast<Decl>(DC));
  }
  return true;
}

std::string closeAndReopen(llvm::ArrayRef<const Decl *> Blocks, const std::string &Code) {
  std::string Close, Reopen;
  for (const Decl *Block : Blocks) {
    Close += "} ";
    std::string Open;
    if (const auto *NS = dyn_cast<NamespaceDecl>(Block))
      Open = std::string(NS->isInline() ? "inline " : "") + "namespace " +
             (NS->isAnonymousNamespace() ? "" : NS->getName().str() + " ") + "{ ";
    else
      Open = static_cast<int>(cast<LinkageSpecDecl>(Block)->getLanguage()) == 1 // C
                 ? "extern \"C\" { "
                 : "extern \"C++\" { ";
    Reopen = Open + Reopen;
  }
  return Close + Code + Reopen;
}

/// The outermost class Definition is written in, if any.
const CXXRecordDecl *outermostClass(const FunctionDecl &Definition) {
  const CXXRecordDecl *Outermost = nullptr;
  for (const DeclContext *DC = Definition.getLexicalDeclContext(); !DC->isTranslationUnit();
       DC = DC->getLexicalParent())
    if (const auto *Record = dyn_cast<CXXRecordDecl>(DC))
      Outermost = Record;
  return Outermost;
}

/// Where Definition's text begins: its template header, its attributes, and the '[['
/// they are written in.
SourceLocation declarationStart(const CachedFunction &Function, const SourceManager &SM) {
  const FunctionDecl &FD = *Function.Definition;
  SourceLocation Start = FD.getOuterLocStart();
  if (const FunctionTemplateDecl *Template = FD.getDescribedFunctionTemplate())
    Start = Template->getBeginLoc();
  auto earlier = [&](SourceLocation Loc) {
    if (Loc.isValid() && Loc.isFileID() && SM.isWrittenInSameFile(Loc, Start) &&
        SM.isBeforeInTranslationUnit(Loc, Start))
      Start = Loc;
  };
  earlier(Function.AttrLoc);
  for (const Attr *A : FD.attrs())
    if (!A->isInherited() && !A->isImplicit())
      earlier(A->getLocation());
  const char *Begin = SM.getBufferData(SM.getFileID(Start)).data();
  const char *At = SM.getCharacterData(Start);
  while (At > Begin && (At[-1] == '[' || At[-1] == ' ' || At[-1] == '\t'))
    --At;
  return Start.getLocWithOffset(At - SM.getCharacterData(Start));
}

/// Back to Loc's line and column for what follows on its line, if anything does.
std::string realignedFrom(SourceLocation Loc, const SourceManager &SM) {
  const char *C = SM.getCharacterData(Loc);
  while (*C == ' ' || *C == '\t')
    ++C;
  if (*C == '\n' || *C == '\r' || *C == '\0')
    return "";
  return "\n#line " + std::to_string(SM.getPresumedLineNumber(Loc)) + "\n" +
         std::string(SM.getSpellingColumnNumber(Loc) - 1, ' ');
}

} // namespace

bool insertAtGlobalScope(Rewriter &Rewrite, const CachedFunction &Function,
                         const std::string &Code, bool AtEnd) {
  if (Code.empty())
    return true;
  const SourceManager &SM = Rewrite.getSourceMgr();
  if (AtEnd)
    return !Rewrite.InsertTextAfter(SM.getLocForEndOfFile(SM.getMainFileID()), "\n" + Code + "\n");
  const FunctionDecl &FD = *Function.Definition;
  llvm::SmallVector<const Decl *, 4> Blocks;
  SourceLocation Where;
  if (const CXXRecordDecl *Class = outermostClass(FD)) {
    // A member defined in its class: after the class, whose member bodies are compiled
    // at its end; their calls' templates are instantiated at the end of the file.
    Where = Lexer::findLocationAfterToken(Class->getBraceRange().getEnd(), tok::semi, SM,
                                          Rewrite.getLangOpts(), /*SkipTrailingWhitespace=*/false);
    if (!enclosingBlocks(*Class, Blocks))
      return false;
  } else {
    Where = declarationStart(Function, SM);
    if (!enclosingBlocks(FD, Blocks))
      return false;
  }
  if (Where.isInvalid() || !Where.isFileID() || !Rewrite.isRewritable(Where))
    return false;
  return !Rewrite.InsertTextBefore(Where, " " + closeAndReopen(Blocks, Code) +
                                              realignedFrom(Where, SM));
}

} // namespace cachepy
