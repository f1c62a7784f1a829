//===- CacheFileOptions.cpp - What a cache_file attribute asks for --------===//

#include "CacheFileOptions.h"

#include "RewriteNames.h"
#include "config/duration.hpp"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <functional>

namespace cachepy {
using namespace clang;

namespace {

constexpr llvm::StringRef KnownKeys[] = {"version",          "verbose",         "format",
                                         "file_args",        "ignore",          "depends_on_files",
                                         "depends_on_vars",  "env_vars",        "max_age"};

/// The formats the attribute may name: the runtime's format_choice, `configured` aside.
#define CACHEPY_FORMAT_NAME(Name) #Name,
constexpr llvm::StringRef Formats[] = {CACHEPY_REWRITE_FORMATS(CACHEPY_FORMAT_NAME)};
#undef CACHEPY_FORMAT_NAME

AttrProblem wrongKind(const AttrOption &Option, const AttrValue &Value,
                      llvm::StringRef Expected) {
  return {Value.Loc, DiagId::WrongKind, {Option.Key, Expected.str(), Value.kindName()}, {}};
}

/// The key as the user wrote it, replaced by the one it most likely misspells.
AttrProblem unknownKey(const AttrOption &Option) {
  llvm::StringRef Guess = closestMatch(Option.Key, KnownKeys);
  if (Guess.empty())
    return {Option.KeyLoc, DiagId::UnknownKey, {Option.Key, llvm::join(llvm::ArrayRef<llvm::StringRef>(KnownKeys), ", ")}, {}};
  return {Option.KeyLoc, DiagId::UnknownKeySuggest, {Option.Key, Guess.str()},
          FixItHint::CreateReplacement(SourceRange(Option.KeyLoc), Guess)};
}

std::vector<llvm::StringRef> parameterNames(const FunctionDecl &FD) {
  std::vector<llvm::StringRef> Names;
  for (const ParmVarDecl *P : FD.parameters())
    if (!P->getName().empty())
      Names.push_back(P->getName());
  return Names;
}

std::string parameterList(llvm::ArrayRef<llvm::StringRef> Names) {
  std::vector<std::string> Quoted;
  for (llvm::StringRef Name : Names)
    Quoted.push_back("'" + Name.str() + "'");
  return Quoted.empty() ? "it has no named parameters"
                        : "its parameters are " + llvm::join(Quoted, ", ");
}

/// A name in file_args or ignore that is no parameter; the string is replaced by the
/// parameter it most likely misspells.
AttrProblem notAParameter(const AttrOption &Option, const AttrValue &Item,
                          const FunctionDecl &FD) {
  std::vector<llvm::StringRef> Names = parameterNames(FD);
  llvm::StringRef Guess = closestMatch(Item.Text, Names);
  std::vector<std::string> Args{Item.Text, Option.Key, FD.getNameAsString()};
  if (Guess.empty()) {
    Args.push_back(parameterList(Names));
    return {Item.Loc, DiagId::NotAParameter, std::move(Args), {}};
  }
  Args.push_back(Guess.str());
  return {Item.Loc, DiagId::NotAParameterSuggest, std::move(Args),
          FixItHint::CreateReplacement(SourceRange(Item.Loc), "\"" + Guess.str() + "\"")};
}

/// `key=["a", "b"]`: every item a string, each checked by `Check`.
std::optional<AttrProblem>
forEachString(const AttrOption &Option,
              const std::function<std::optional<AttrProblem>(const AttrValue &)> &Check) {
  if (Option.Value.ValueKind != AttrValue::List)
    return wrongKind(Option, Option.Value, "a list of strings");
  for (const AttrValue &Item : Option.Value.Items) {
    if (Item.ValueKind != AttrValue::String)
      return wrongKind(Option, Item, "a list of strings");
    if (std::optional<AttrProblem> Problem = Check(Item))
      return Problem;
  }
  return std::nullopt;
}

std::optional<AttrProblem> namedParameters(const AttrOption &Option, const FunctionDecl &FD,
                                           std::set<std::string> &Out) {
  return forEachString(Option, [&](const AttrValue &Item) -> std::optional<AttrProblem> {
    if (!llvm::is_contained(parameterNames(FD), Item.Text))
      return notAParameter(Option, Item, FD);
    Out.insert(Item.Text);
    return std::nullopt;
  });
}

std::optional<AttrProblem> applyOption(const AttrOption &Option, const FunctionDecl &FD,
                                       CacheFileOptions &Result) {
  const AttrValue &Value = Option.Value;
  const llvm::StringRef Key = Option.Key;
  if (Key == "version") {
    if (Value.ValueKind != AttrValue::String && Value.ValueKind != AttrValue::Number)
      return wrongKind(Option, Value, "a string or a number");
    Result.Version = Value.Text;
  } else if (Key == "verbose") {
    if (Value.ValueKind != AttrValue::Bool)
      return wrongKind(Option, Value, "true or false");
    Result.Verbose = Value.Text == "true";
  } else if (Key == "format" || Key == "backend") { // backend: its older name
    if (Value.ValueKind != AttrValue::String)
      return wrongKind(Option, Value, "a string");
    if (!llvm::is_contained(Formats, Value.Text))
      return AttrProblem{Value.Loc, DiagId::UnknownFormat, {Value.Text}, {}};
    Result.Format = Value.Text;
  } else if (Key == "max_age") {
    if (Value.ValueKind != AttrValue::String && Value.ValueKind != AttrValue::Number)
      return wrongKind(Option, Value,
                       "a duration (\"90s\", \"15m\", \"12h\", \"7d\") or a number of seconds");
    std::optional<uint64_t> Seconds = cachepy::detail::parse_duration(Value.Text);
    if (!Seconds)
      return AttrProblem{Value.Loc, DiagId::MalformedMaxAge, {Value.Text}, {}};
    Result.MaxAgeSeconds = *Seconds;
  } else if (Key == "file_args") {
    return namedParameters(Option, FD, Result.FileArgs);
  } else if (Key == "ignore") {
    return namedParameters(Option, FD, Result.Ignore);
  } else if (Key == "depends_on_files") {
    return forEachString(Option, [&](const AttrValue &Item) -> std::optional<AttrProblem> {
      Result.DependsOnFiles.push_back(Item.Source);
      return std::nullopt;
    });
  } else if (Key == "env_vars") {
    return forEachString(Option, [&](const AttrValue &Item) -> std::optional<AttrProblem> {
      if (Item.Text.empty())
        return AttrProblem{Item.Loc, DiagId::UnnamedEnvVar, {}, {}};
      Result.EnvVars.push_back(Item.Source);
      return std::nullopt;
    });
  } else if (Key == "depends_on_vars") {
    if (Value.ValueKind != AttrValue::Map)
      return wrongKind(Option, Value, "a map {\"name\": value, ...}");
    for (const auto &[Name, Mapped] : Value.Entries) {
      if (Name.ValueKind != AttrValue::String)
        return wrongKind(Option, Name, "string names");
      if (Mapped.ValueKind == AttrValue::List || Mapped.ValueKind == AttrValue::Map)
        return wrongKind(Option, Mapped, "a literal or a C++ expression as each value");
      Result.DependsOnVars.emplace_back(Name.Source, Mapped.Source);
    }
  } else {
    return unknownKey(Option);
  }
  return std::nullopt;
}

} // namespace

std::variant<CacheFileOptions, AttrProblem>
interpretCacheFileArgs(const CacheFileArgs &Args, const FunctionDecl &FD) {
  CacheFileOptions Result;
  if (Args.CacheDir) {
    const AttrValue &Dir = *Args.CacheDir;
    if (Dir.ValueKind != AttrValue::String && Dir.ValueKind != AttrValue::Expression)
      return AttrProblem{Dir.Loc, DiagId::CacheDirKind, {Dir.kindName()}, {}};
    Result.CacheDirExpr = Dir.Source;
  }
  for (const AttrOption &Option : Args.Options)
    if (std::optional<AttrProblem> Problem = applyOption(Option, FD, Result))
      return *Problem;
  for (const std::string &Name : Result.FileArgs)
    if (Result.Ignore.count(Name))
      return AttrProblem{Args.find("ignore")->Value.Loc, DiagId::FileArgAndIgnored, {Name}, {}};
  return Result;
}

ParameterPositions parameterPositions(const CacheFileOptions &Options, const FunctionDecl &FD) {
  ParameterPositions Positions;
  for (unsigned I = 0; I < FD.getNumParams(); ++I) {
    const std::string Name = FD.getParamDecl(I)->getName().str();
    if (Options.FileArgs.count(Name))
      Positions.FileArgs.insert(I);
    if (Options.Ignore.count(Name))
      Positions.Ignored.insert(I);
  }
  return Positions;
}

std::set<unsigned> ParameterPositions::outOfKeyByValue() const {
  std::set<unsigned> Both = Ignored;
  Both.insert(FileArgs.begin(), FileArgs.end());
  return Both;
}

} // namespace cachepy
