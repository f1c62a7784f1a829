//===- RewriteNames.h - The names a rewrite gives, spells and reads -------===//
//
// What the rewriter (FunctionRewriter) and the call records (CallRecords) both name:
// a function's mangled name and its record's, the site variable that marks a
// rewritten body, and the runtime's names as the rewritten code spells them, built
// from the runtime's rewrite contract (cachepy/detail/rewrite_contract.hpp), which
// the runtime builds from too: the plugin writes no runtime name of its own.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_REWRITENAMES_H
#define CACHEPY_PLUGIN_REWRITENAMES_H

#include "cachepy/detail/rewrite_contract.hpp"

#include "clang/AST/Decl.h"
#include "clang/AST/Mangle.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>

namespace cachepy {

namespace runtime {

/// The namespace the names below are in, "::cachepy::detail::".
inline constexpr llvm::StringLiteral Namespace = CACHEPY_REWRITE_NAMESPACE;

/// One constant per name: runtime::call is "::cachepy::detail::call".
#define CACHEPY_RUNTIME_NAME(Name)                                                                 \
  inline constexpr llvm::StringLiteral Name = CACHEPY_REWRITE_SPELLING(Name);
CACHEPY_REWRITE_NAMES(CACHEPY_RUNTIME_NAME)
#undef CACHEPY_RUNTIME_NAME

/// The rewrite's ABI number, which every site passes to the runtime.
inline constexpr unsigned RewriteAbi = CACHEPY_REWRITE_ABI;

} // namespace runtime

/// The rewritten body's function-local static; its presence tells a rewritten body.
inline constexpr llvm::StringLiteral SiteVariable = "cachepy_site";

/// FD's name in the object file (a constructor's or destructor's complete-object one).
std::string mangledName(const clang::FunctionDecl &FD, clang::MangleContext &Mangler);

/// The name of FD's call record, which the rewritten body hands to its site.
std::uint64_t recordName(const clang::FunctionDecl &FD, clang::MangleContext &Mangler);

/// Whether Definition's body, as compiled, is a rewrite (it opens with the site).
bool isRewritten(const clang::FunctionDecl &Definition);

} // namespace cachepy

#endif
