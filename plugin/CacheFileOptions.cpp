//===- CacheFileOptions.cpp - What a cache_file attribute asks for --------===//

#include "CacheFileOptions.h"

#include "llvm/ADT/StringSwitch.h"

namespace cachepy {
namespace {

AttrProblem wrongKind(const AttrOption &Option, llvm::StringRef Expected) {
  return {Option.Value.Loc, "'" + Option.Key + "' expects " + Expected.str() +
                                ", not " + Option.Value.kindName()};
}

} // namespace

std::variant<CacheFileOptions, AttrProblem>
interpretCacheFileArgs(const CacheFileArgs &Args) {
  CacheFileOptions Result;
  if (Args.CacheDir) {
    const AttrValue &Dir = *Args.CacheDir;
    if (Dir.ValueKind != AttrValue::String && Dir.ValueKind != AttrValue::Expression)
      return AttrProblem{Dir.Loc, "the cache directory must be a string or a C++ "
                                  "expression naming a path, not " +
                                      std::string(Dir.kindName())};
    Result.CacheDirExpr = Dir.Source;
  }
  for (const AttrOption &Option : Args.Options) {
    const AttrValue &Value = Option.Value;
    if (Option.Key == "version") {
      if (Value.ValueKind != AttrValue::String && Value.ValueKind != AttrValue::Number)
        return wrongKind(Option, "a string or a number");
      Result.Version = Value.Text;
    } else if (Option.Key == "verbose") {
      if (Value.ValueKind != AttrValue::Bool)
        return wrongKind(Option, "true or false");
      Result.Verbose = Value.Text == "true";
    } else {
      return AttrProblem{Option.KeyLoc,
                         "unknown cachepy::cache_file argument '" + Option.Key +
                             "'; expected one of: version, verbose"};
    }
  }
  return Result;
}

} // namespace cachepy
