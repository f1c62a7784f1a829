//===- CallRecords.h - What each object file publishes about its functions ===//
//
// A cached function's AST hash sees its own translation unit. So that a change in
// another one, or in a shared library, reaches its key too, every translation unit
// compiled with the plugin publishes a call record for each function it defines
// (runtime/include/cachepy/detail/function_site.hpp has the layout): the function's AST
// hash (BodyHasher, with what it reaches here) and weak references to the records of
// the functions it reaches here but are defined elsewhere. The runtime walks them from
// a cached function's own record, once per process.
//
// Records are named "cachepy.record.<mangled name>": stable across builds, and no C++
// name can spell them. A record has its function's linkage and visibility, so that
// the dynamic loader binds a program's references to the records of a shared library.
// Inline functions get none (every caller defines them, so their hash is in the
// caller's), unless they are cached: the rewritten body names its own record.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_CALLRECORDS_H
#define CACHEPY_PLUGIN_CALLRECORDS_H

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Mangle.h"
#include "clang/Frontend/CompilerInstance.h"

#include <memory>
#include <string>

namespace cachepy {

// FD's name in the object file (a constructor's or destructor's complete-object one).
std::string mangledName(const clang::FunctionDecl &FD, clang::MangleContext &Mangler);

// The symbol of FD's call record.
std::string recordSymbol(const clang::FunctionDecl &FD, clang::MangleContext &Mangler);

// Collects this compilation's functions as it parses, and writes their records into
// its LLVM module before the module is optimized (clang 17 and newer; nothing on older
// ones). \returns null when the compilation generates no code.
std::unique_ptr<clang::ASTConsumer> createCallRecordsConsumer(clang::CompilerInstance &CI);

} // namespace cachepy

#endif
