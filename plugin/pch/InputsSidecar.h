//===- InputsSidecar.h - The files a precompiled header was built from ----===//
//
// Beside each <key>.pch, <key>.inputs lists "<size> <mtime> <path>" per file the header
// was built from: a change to any of them (a new libstdc++, an edited runtime header)
// means building again, where clang itself would stop the compilation with an error.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_PCH_INPUTSSIDECAR_H
#define CACHEPY_PLUGIN_PCH_INPUTSSIDECAR_H

#include "clang/Frontend/CompilerInstance.h"
#include "llvm/Support/Chrono.h"

#include <string>

namespace cachepy::pch {

/// Whether every file InputsFile lists is as it was, as the compilation's file manager
/// sees it (what the loading will compare).
bool inputsUnchanged(const std::string &InputsFile, clang::FileManager &Files);

/// The sidecar's text for the header PCH; empty when it cannot be read or a file it was
/// built from changed since BuildStart (an install running meanwhile: the header may
/// hold its old text).
std::string listInputs(clang::CompilerInstance &CI, const std::string &PCH,
                       llvm::sys::TimePoint<> BuildStart);

/// Through a temporary and a rename, so that readers see all of it or nothing.
bool writeFileAtomically(const std::string &Path, llvm::StringRef Text);

} // namespace cachepy::pch

#endif
