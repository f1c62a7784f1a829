//===- FunctionChecks.h - Which functions can be cached -------------------===//
//
// A cached function must be an ordinary function of its arguments: one whose result
// a stored copy can stand in for. Each check runs once in each parse with the same
// verdict: silently in the planning parse (a rejected function is left alone), and in
// the real compilation, where it becomes an error at the offending declaration.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_FUNCTIONCHECKS_H
#define CACHEPY_PLUGIN_FUNCTIONCHECKS_H

#include "AttributeArgs.h"

#include "clang/AST/Decl.h"

#include <optional>

namespace cachepy {

/// What the signature alone tells (known when the attribute is applied, and checked
/// there: CacheFileAttr.cpp).
std::optional<AttrProblem> checkCachedSignature(const clang::FunctionDecl &FD);

/// What needs the definition: its body, its deduced result, and what kind of member it
/// is (known once the definition is parsed and matched with its declarations; checked
/// by the planner and by CheckingConsumer).
std::optional<AttrProblem> checkCachedDefinition(const clang::FunctionDecl &Definition);

} // namespace cachepy

#endif
