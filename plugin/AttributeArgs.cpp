//===- AttributeArgs.cpp - The arguments of [[cachepy::cache_file(...)]] --===//

#include "AttributeArgs.h"

#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringSet.h"

namespace cachepy {
using namespace clang;

const char *AttrValue::kindName() const {
  switch (ValueKind) {
  case String:
    return "a string";
  case Bool:
    return "a boolean";
  case Number:
    return "a number";
  case List:
    return "a list";
  case Map:
    return "a map";
  case Expression:
    return "an expression";
  }
  return "a value";
}

const AttrOption *CacheFileArgs::find(llvm::StringRef Key) const {
  for (const AttrOption &Option : Options)
    if (Option.Key == Key)
      return &Option;
  return nullptr;
}

namespace {

/// A recursive-descent parser over raw tokens; the first problem found stops it.
class ArgsParser {
public:
  ArgsParser(const SourceManager &SM, const LangOptions &LangOpts, FileID File,
             unsigned Offset, llvm::StringSet<> ForbiddenNames)
      : SM(SM), ForbiddenNames(std::move(ForbiddenNames)), Buffer(SM.getBufferData(File)),
        Lex(SM.getLocForStartOfFile(File), LangOpts, Buffer.begin(),
            Buffer.begin() + Offset, Buffer.end()) {
    advance();
  }

  ParsedCacheFileArgs parse() {
    ParsedCacheFileArgs Result;
    // Clang locates a scoped attribute at its scope or at its name, depending on the
    // path that parsed it: step over "cachepy ::" and then "cache_file".
    if (isIdentifier("cachepy"))
      advance();
    if (Tok.is(tok::coloncolon))
      advance();
    advance(); // cache_file
    if (!Tok.is(tok::l_paren))
      return Result;
    advance();
    while (!Problem && !Tok.is(tok::r_paren)) {
      parseArgument(Result.Args);
      if (Problem)
        break;
      if (Tok.is(tok::comma))
        advance();
      else if (!Tok.is(tok::r_paren))
        fail(DiagId::ExpectedArgumentSeparator);
    }
    Result.Problem = Problem;
    return Result;
  }

private:
  void advance() {
    Lex.LexFromRawLexer(Tok);
  }

  Token peek() {
    Token Next;
    Lexer::getRawToken(Lex.getSourceLocation(), Next, SM, LangOptions(), true);
    return Next;
  }

  StringRef textOf(SourceLocation Begin, SourceLocation End) const {
    return StringRef(SM.getCharacterData(Begin),
                     SM.getFileOffset(End) - SM.getFileOffset(Begin));
  }

  void fail(DiagId Id, std::vector<std::string> Args = {}) {
    if (!Problem)
      Problem = AttrProblem{Tok.getLocation(), Id, std::move(Args), std::nullopt};
  }

  bool isIdentifier(StringRef Name) const {
    return Tok.is(tok::raw_identifier) && Tok.getRawIdentifier() == Name;
  }

  void parseArgument(CacheFileArgs &Args) {
    if (Tok.is(tok::raw_identifier) && peekIsEqual()) {
      AttrOption Option{Tok.getRawIdentifier().str(), Tok.getLocation(), {}};
      if (Args.find(Option.Key)) {
        fail(DiagId::DuplicateKey, {Option.Key});
        return;
      }
      advance(); // key
      advance(); // '='
      Option.Value = parseValue();
      Args.Options.push_back(std::move(Option));
      return;
    }
    if (Args.CacheDir || !Args.Options.empty()) {
      fail(DiagId::UnnamedNotFirst);
      return;
    }
    Args.CacheDir = parseValue();
  }

  bool peekIsEqual() {
    Token Next = peek();
    return Next.is(tok::equal);
  }

  AttrValue parseValue() {
    AttrValue Value;
    Value.Loc = Tok.getLocation();
    SourceLocation Begin = Tok.getLocation();
    if (Tok.is(tok::l_square))
      parseList(Value);
    else if (Tok.is(tok::l_brace))
      parseMap(Value);
    else
      parseScalarOrExpression(Value);
    if (!Problem)
      Value.Source = textOf(Begin, Tok.getLocation()).rtrim().str();
    if (Value.ValueKind != AttrValue::String)
      Value.Text = Value.Source;
    return Value;
  }

  void parseList(AttrValue &Value) {
    Value.ValueKind = AttrValue::List;
    advance(); // '['
    while (!Problem && !Tok.is(tok::r_square)) {
      if (Tok.is(tok::eof)) {
        fail(DiagId::ExpectedClosing, {"]", "list"});
        return;
      }
      Value.Items.push_back(parseValue());
      if (Tok.is(tok::comma))
        advance();
      else if (!Tok.is(tok::r_square))
        fail(DiagId::ExpectedItemSeparator, {"]", "list"});
    }
    advance(); // ']'
  }

  void parseMap(AttrValue &Value) {
    Value.ValueKind = AttrValue::Map;
    advance(); // '{'
    while (!Problem && !Tok.is(tok::r_brace)) {
      if (Tok.is(tok::eof)) {
        fail(DiagId::ExpectedClosing, {"}", "map"});
        return;
      }
      AttrValue Key = parseValue();
      if (Problem)
        return;
      if (!Tok.is(tok::colon)) {
        fail(DiagId::ExpectedMapColon);
        return;
      }
      advance();
      AttrValue Mapped = parseValue();
      Value.Entries.emplace_back(std::move(Key), std::move(Mapped));
      if (Tok.is(tok::comma))
        advance();
      else if (!Tok.is(tok::r_brace))
        fail(DiagId::ExpectedItemSeparator, {"}", "map"});
    }
    advance(); // '}'
  }

  /// Anything up to the next ',' or closing bracket at depth zero; a lone literal
  /// is classified, everything else is a C++ expression kept as written.
  void parseScalarOrExpression(AttrValue &Value) {
    unsigned Depth = 0;
    unsigned Count = 0;
    unsigned OpenConditionals = 0; // a ':' closing `a ? b : c` does not end the value
    Token First = Tok;
    while (true) {
      if (Tok.is(tok::eof)) {
        fail(DiagId::ExpectedClosing, {")", "cachepy::cache_file arguments"});
        return;
      }
      if (Depth == 0 && Tok.is(tok::question))
        ++OpenConditionals;
      else if (Depth == 0 && Tok.is(tok::colon) && OpenConditionals > 0)
        --OpenConditionals;
      else if (Depth == 0 && Tok.isOneOf(tok::comma, tok::r_paren, tok::r_square,
                                         tok::r_brace, tok::colon))
        break;
      else if (Tok.is(tok::raw_identifier) && ForbiddenNames.count(Tok.getRawIdentifier()))
        return fail(DiagId::MacroParameter, {Tok.getRawIdentifier().str()});
      if (Tok.isOneOf(tok::l_paren, tok::l_square, tok::l_brace))
        ++Depth;
      else if (Tok.isOneOf(tok::r_paren, tok::r_square, tok::r_brace))
        --Depth;
      ++Count;
      advance();
    }
    if (Count == 0) {
      fail(DiagId::ExpectedValue);
      return;
    }
    if (Count != 1)
      return;
    StringRef Spelling(SM.getCharacterData(First.getLocation()), First.getLength());
    if (First.is(tok::string_literal)) {
      Value.ValueKind = AttrValue::String;
      Value.Text = unescape(Spelling.drop_front().drop_back());
    } else if (First.is(tok::numeric_constant)) {
      Value.ValueKind = AttrValue::Number;
    } else if (First.is(tok::raw_identifier) &&
               (Spelling == "true" || Spelling == "false")) {
      Value.ValueKind = AttrValue::Bool;
    }
  }

  static std::string unescape(StringRef Body) {
    std::string Out;
    for (size_t I = 0; I < Body.size(); ++I) {
      char C = Body[I];
      if (C == '\\' && I + 1 < Body.size()) {
        char E = Body[++I];
        C = E == 'n' ? '\n' : E == 't' ? '\t' : E;
      }
      Out += C;
    }
    return Out;
  }

  const SourceManager &SM;
  llvm::StringSet<> ForbiddenNames;
  StringRef Buffer;
  Lexer Lex;
  Token Tok;
  std::optional<AttrProblem> Problem;
};

} // namespace

namespace {

/// An attribute written inside a macro is read from the macro's definition; what the
/// macro's parameters stand for at this expansion is not in the text.
llvm::StringSet<> macroParameters(const Preprocessor &PP, SourceLocation NameLoc) {
  llvm::StringSet<> Names;
  if (!NameLoc.isMacroID())
    return Names;
  const SourceManager &SM = PP.getSourceManager();
  StringRef Macro = Lexer::getImmediateMacroName(NameLoc, SM, PP.getLangOpts());
  const MacroInfo *Info =
      Macro.empty() ? nullptr : PP.getMacroInfo(PP.getIdentifierInfo(Macro));
  if (Info && Info->isFunctionLike())
    for (const IdentifierInfo *Param : Info->params())
      Names.insert(Param->getName());
  return Names;
}

} // namespace

ParsedCacheFileArgs parseCacheFileArgs(const Preprocessor &PP, SourceLocation NameLoc) {
  const SourceManager &SM = PP.getSourceManager();
  SourceLocation Spelling = SM.getSpellingLoc(NameLoc);
  auto [File, Offset] = SM.getDecomposedLoc(Spelling);
  ArgsParser Parser(SM, PP.getLangOpts(), File, Offset, macroParameters(PP, NameLoc));
  return Parser.parse();
}

} // namespace cachepy
