//===- CacheFileOptions.cpp - What a cache_file attribute asks for --------===//

#include "CacheFileOptions.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <functional>

namespace cachepy {
using namespace clang;

namespace {

constexpr const char *KnownKeys =
    "version, verbose, format, file_args, ignore, depends_on_files, "
    "depends_on_vars, env_vars";

AttrProblem wrongKind(const AttrOption &Option, const AttrValue &Value,
                      llvm::StringRef Expected) {
  return {Value.Loc, "'" + Option.Key + "' expects " + Expected.str() + ", not " +
                         Value.kindName()};
}

bool isParameter(const FunctionDecl &FD, llvm::StringRef Name) {
  return llvm::any_of(FD.parameters(),
                      [&](const ParmVarDecl *P) { return P->getName() == Name; });
}

std::string parameterList(const FunctionDecl &FD) {
  std::vector<std::string> Names;
  for (const ParmVarDecl *P : FD.parameters())
    if (!P->getName().empty())
      Names.push_back("'" + P->getName().str() + "'");
  return Names.empty() ? "it has no named parameters" : "its parameters are " +
                                                            llvm::join(Names, ", ");
}

// `key=["a", "b"]`: every item a string, each checked by `Check`.
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

std::optional<AttrProblem> parameterNames(const AttrOption &Option, const FunctionDecl &FD,
                                          std::set<std::string> &Out) {
  return forEachString(Option, [&](const AttrValue &Item) -> std::optional<AttrProblem> {
    if (!isParameter(FD, Item.Text))
      return AttrProblem{Item.Loc, "'" + Item.Text + "' in " + Option.Key +
                                       " is not a parameter of '" +
                                       FD.getNameAsString() + "'; " + parameterList(FD)};
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
    if (Value.Text != "binary" && Value.Text != "portable_binary" && Value.Text != "json")
      return AttrProblem{Value.Loc, "unknown format '" + Value.Text +
                                        "'; expected \"binary\", \"portable_binary\" or "
                                        "\"json\""};
    Result.Format = Value.Text;
  } else if (Key == "file_args") {
    return parameterNames(Option, FD, Result.FileArgs);
  } else if (Key == "ignore") {
    return parameterNames(Option, FD, Result.Ignore);
  } else if (Key == "depends_on_files") {
    return forEachString(Option, [&](const AttrValue &Item) -> std::optional<AttrProblem> {
      Result.DependsOnFiles.push_back(Item.Source);
      return std::nullopt;
    });
  } else if (Key == "env_vars") {
    return forEachString(Option, [&](const AttrValue &Item) -> std::optional<AttrProblem> {
      if (Item.Text.empty())
        return AttrProblem{Item.Loc, "an environment variable needs a name"};
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
    return AttrProblem{Option.KeyLoc, "unknown cachepy::cache_file argument '" +
                                          Option.Key + "'; expected one of: " + KnownKeys};
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
      return AttrProblem{Dir.Loc, "the cache directory must be a string or a C++ "
                                  "expression naming a path, not " +
                                      std::string(Dir.kindName())};
    Result.CacheDirExpr = Dir.Source;
  }
  for (const AttrOption &Option : Args.Options)
    if (std::optional<AttrProblem> Problem = applyOption(Option, FD, Result))
      return *Problem;
  for (const std::string &Name : Result.FileArgs)
    if (Result.Ignore.count(Name))
      return AttrProblem{Args.find("ignore")->Value.Loc,
                         "'" + Name + "' cannot be both in file_args and in ignore"};
  return Result;
}

} // namespace cachepy
