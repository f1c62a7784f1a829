//===- CacheFileOptions.h - What a cache_file attribute asks for ----------===//
//
// Checks the parsed arguments against the attribute's schema (known keys, the kind
// of each value, parameter names) and turns them into what the rewriter needs.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_CACHEFILEOPTIONS_H
#define CACHEPY_PLUGIN_CACHEFILEOPTIONS_H

#include "AttributeArgs.h"

#include "clang/AST/Decl.h"

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace cachepy {

struct CacheFileOptions {
  std::optional<std::string> CacheDirExpr; ///< C++ source text, evaluated per call
  std::string Version;
  bool Verbose = false;
  uint64_t MaxAgeSeconds = 0;               ///< 0 = from the configuration
  std::string Format;                       ///< "" = from the configuration
  std::set<std::string> FileArgs;           ///< parameter names
  std::set<std::string> Ignore;             ///< parameter names
  std::vector<std::string> DependsOnFiles;  ///< C++ source text (string literals)
  std::vector<std::string> EnvVars;         ///< C++ string literals
  std::vector<std::pair<std::string, std::string>> DependsOnVars; ///< literal, expression
};

std::variant<CacheFileOptions, AttrProblem>
interpretCacheFileArgs(const CacheFileArgs &Args, const clang::FunctionDecl &FD);

/// The positions of the parameters named in file_args and in ignore (names are those
/// of FD, the declaration carrying the attribute; the definition may name them otherwise).
struct ParameterPositions {
  std::set<unsigned> FileArgs;
  std::set<unsigned> Ignored;
  std::set<unsigned> outOfKeyByValue() const; ///< both: their values are not hashed as such
};
ParameterPositions parameterPositions(const CacheFileOptions &Options,
                                      const clang::FunctionDecl &FD);

} // namespace cachepy

#endif
