//===- FunctionRewriter.h - Turns a cached function into a runtime call ---===//
//
//   int f(int x) { return x * 2; }
// becomes, on the same lines,
//   int f(int x) { static const ::cachepy::detail::function_site cachepy_site(
//       ::cachepy::detail::rewrite_abi<1>{}, ::cachepy::detail::site_field::identity{...}, ...);
//     return ::cachepy::detail::call(cachepy_site, DIR, [&]() -> int {
//     return x * 2; }, x); }
// Two insertions, after '{' and before '}', so every user line keeps its number. Code
// after '{' on its line goes on a new line behind `#line N`, padded back to its column.
// The runtime's names, the ABI number and the site's fields come from the runtime's
// cachepy/detail/rewrite_contract.hpp (RewriteNames.h).
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_FUNCTIONREWRITER_H
#define CACHEPY_PLUGIN_FUNCTIONREWRITER_H

#include "BodyHasher.h"
#include "CacheFileOptions.h"

#include "clang/AST/Mangle.h"
#include "clang/Rewrite/Core/Rewriter.h"

#include <optional>
#include <set>

namespace cachepy {

struct CachedFunction {
  const clang::FunctionDecl *Definition = nullptr;
  CacheFileOptions Options;
  AstHash Hash;
  /// Positions of the parameters named in file_args and ignore (names are those of
  /// the declaration carrying the attribute; the definition may name them otherwise).
  std::set<unsigned> FileArgPositions;
  std::set<unsigned> IgnoredPositions;
  /// Where its cachepy::cache_file is written, if on the definition (code put before
  /// the definition goes before the attribute).
  clang::SourceLocation AttrLoc;
  /// The shape of the types it stores (StoredTypes.h), which enters its key.
  uint64_t Layout = 0;
};

/// Returns a problem (and changes nothing) when the function's text cannot be rewritten.
std::optional<AttrProblem> rewriteCachedFunction(clang::Rewriter &Rewrite,
                                                 clang::MangleContext &Mangler,
                                                 const CachedFunction &Function);

/// Puts Code, declarations at global scope, before Definition, or after the outermost
/// class its definition is written in (closing and reopening the namespaces around),
/// with the lines after it kept where they were; or, AtEnd, at the end of the main file
/// (for a template: after every type its instantiations use). False (nothing changed)
/// when there is no such place: a definition from a macro, or in a block clang cannot
/// reopen.
bool insertAtGlobalScope(clang::Rewriter &Rewrite, const CachedFunction &Function,
                         const std::string &Code, bool AtEnd);

} // namespace cachepy

#endif
