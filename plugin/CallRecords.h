//===- CallRecords.h - What each object file publishes about its functions ===//
//
// A cached function's AST hash sees its own translation unit. So that a change in
// another one, or in a shared library, reaches its key too, every translation unit
// compiled with the plugin publishes a call record for each function it defines
// (laid out in runtime/src/key/call_record_note.hpp, which the runtime reads too): the
// function's record name, its AST hash (BodyHasher, with what it reaches here) and the
// record names of the functions it reaches here but are defined elsewhere. The runtime
// walks them from a cached function's own record, once per process.
//
// A record is an ELF note in section .note.cachepy: pure data, no symbol and no
// pointer, so that it costs the dynamic loader nothing at start-up (no relocation)
// and its pages are read only by the first cached call. The linker gathers the notes
// into PT_NOTE segments, where the runtime finds them in the program and in every
// shared library. A record name is the hash of the function's mangled name; a static
// function's also covers its file, which another may reuse. Inline functions get
// none (every caller defines them, so their hash is in the caller's), unless they are
// cached: the rewritten body names its own record, which then goes into the
// function's COMDAT group.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_CALLRECORDS_H
#define CACHEPY_PLUGIN_CALLRECORDS_H

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Mangle.h"
#include "clang/Frontend/CompilerInstance.h"

#include <cstdint>
#include <memory>
#include <string>

namespace cachepy {

/// Collects this compilation's functions as it parses, and writes their records into
/// its LLVM module before the module is optimized (clang 17 and newer; nothing on older
/// ones). \returns null when the compilation generates no code.
std::unique_ptr<clang::ASTConsumer> createCallRecordsConsumer(clang::CompilerInstance &CI);

} // namespace cachepy

#endif
