//===- AttributeArgs.h - The arguments of [[cachepy::cache_file(...)]] ----===//
//
// Clang keeps no arguments for an attribute it does not know, so they are read back
// from the source tokens that follow the attribute's name. The grammar is Python-like:
//   cache_file(DIR_EXPR, key=value, ...)  value: "str" | 12 | true | [v, ...] |
//                                                {"k": v, ...} | any C++ expression
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_ATTRIBUTEARGS_H
#define CACHEPY_PLUGIN_ATTRIBUTEARGS_H

#include "Diagnostics.h"

#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cachepy {

struct AttrValue {
  enum Kind { String, Bool, Number, List, Map, Expression };
  Kind ValueKind = Expression;
  std::string Text;   ///< String: the unescaped contents; otherwise == Source
  std::string Source; ///< the value exactly as written
  std::vector<AttrValue> Items;                          ///< List
  std::vector<std::pair<AttrValue, AttrValue>> Entries;  ///< Map
  clang::SourceLocation Loc;

  const char *kindName() const;
};

struct AttrOption {
  std::string Key;
  clang::SourceLocation KeyLoc;
  AttrValue Value;
};

struct CacheFileArgs {
  std::optional<AttrValue> CacheDir;
  std::vector<AttrOption> Options;

  const AttrOption *find(llvm::StringRef Key) const;
};

/// Parses the tokens after the attribute name at NameLoc. On failure returns the first
/// problem, located at the offending token.
struct ParsedCacheFileArgs {
  CacheFileArgs Args;
  std::optional<AttrProblem> Problem;
};
ParsedCacheFileArgs parseCacheFileArgs(const clang::Preprocessor &PP,
                                       clang::SourceLocation NameLoc);

} // namespace cachepy

#endif
