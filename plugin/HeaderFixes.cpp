//===- HeaderFixes.cpp - Known-broken system headers, patched in memory ---===//

#include "HeaderFixes.h"
#include "ClangCompat.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"

namespace cachepy {
using namespace clang;

namespace {

struct HeaderFix {
  llvm::StringRef Header; ///< as spelled in #include
  llvm::StringRef Broken;
  llvm::StringRef Fixed;
};

constexpr HeaderFix Fixes[] = {
    {"rapidjson/document.h",
     "GenericStringRef& operator=(const GenericStringRef& rhs) { s = rhs.s; length = "
     "rhs.length; }",
     "GenericStringRef& operator=(const GenericStringRef& rhs) = delete;"},
    // For the stream types alone; <iostream> gives each translation unit a
    // std::ios_base::Init to run at start-up (libstdc++ before 13).
    {"cereal/access.hpp", "#include <iostream>", "#include <istream>\n#include <ostream>"},
};

/// Sees each #include before the file is entered, the last moment to override it.
class FixOnInclude : public IncludeCallbacks {
public:
  explicit FixOnInclude(CompilerInstance &CI) : CI(CI) {}

  void includeSeen(StringRef FileName, OptionalFileEntryRef File) override {
    if (!File)
      return;
    for (const HeaderFix &Fix : Fixes)
      if (FileName.ends_with(Fix.Header))
        apply(Fix, *File);
  }

private:
  void apply(const HeaderFix &Fix, FileEntryRef File) {
    SourceManager &SM = CI.getSourceManager();
    if (SM.isFileOverridden(File))
      return;
    auto Buffer = CI.getFileManager().getBufferForFile(File);
    if (!Buffer)
      return;
    std::string Text = (*Buffer)->getBuffer().str();
    size_t At = Text.find(Fix.Broken.str());
    if (At == std::string::npos)
      return; // a fixed version: nothing to do
    Text.replace(At, Fix.Broken.size(), Fix.Fixed.str());
    SM.overrideFileContents(File, llvm::MemoryBuffer::getMemBufferCopy(Text, File.getName()));
  }

  CompilerInstance &CI;
};

} // namespace

void installHeaderFixes(CompilerInstance &CI) {
  CI.getPreprocessor().addPPCallbacks(std::make_unique<FixOnInclude>(CI));
}

} // namespace cachepy
