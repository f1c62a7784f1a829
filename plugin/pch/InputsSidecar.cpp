//===- InputsSidecar.cpp - The files a precompiled header was built from --===//

#include "pch/InputsSidecar.h"
#include "ClangCompat.h"

#include "clang/Serialization/ASTReader.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <unistd.h>

namespace cachepy::pch {
using namespace clang;

namespace {

class InputFileLister : public InputFileVisitor {
public:
  InputFileLister(std::string &Out, llvm::sys::TimePoint<> BuildStart)
      : Out(Out), BuildStart(BuildStart) {}
  bool needsInputFileVisitation() override { return true; }
  bool needsSystemInputFileVisitation() override { return true; }
  bool inputFileSeen(llvm::StringRef Filename) override {
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(Filename, Status)) {
      ChangedMeanwhile = true;
      return true;
    }
    ChangedMeanwhile |= Status.getLastModificationTime() >= BuildStart;
    Out += std::to_string(Status.getSize()) + " " +
           std::to_string(llvm::sys::toTimeT(Status.getLastModificationTime())) + " " +
           Filename.str() + "\n";
    return true;
  }
  bool ChangedMeanwhile = false;

private:
  std::string &Out;
  llvm::sys::TimePoint<> BuildStart;
};

} // namespace

bool inputsUnchanged(const std::string &InputsFile, FileManager &Files) {
  auto Buffer = llvm::MemoryBuffer::getFile(InputsFile);
  if (!Buffer)
    return false;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n', -1, false);
  if (Lines.empty())
    return false;
  for (llvm::StringRef Line : Lines) {
    auto [Size, Rest] = Line.split(' ');
    auto [Time, Path] = Rest.split(' ');
    const OptionalFileEntryRef File = Files.getOptionalFileRef(Path);
    if (!File || std::to_string(File->getSize()) != Size ||
        std::to_string(File->getModificationTime()) != Time)
      return false;
  }
  return true;
}

std::string listInputs(CompilerInstance &CI, const std::string &PCH,
                       llvm::sys::TimePoint<> BuildStart) {
  std::string Inputs;
  InputFileLister Lister(Inputs, BuildStart);
  ASTReader::readASTFileControlBlock(PCH, CI.getFileManager(), CI.getModuleCache(),
                                     CI.getPCHContainerReader(),
                                     /*FindModuleFileExtensions=*/false, Lister,
                                     /*ValidateDiagnosticOptions=*/false);
  return Lister.ChangedMeanwhile ? std::string() : Inputs;
}

bool writeFileAtomically(const std::string &Path, llvm::StringRef Text) {
  const std::string Temporary = Path + ".tmp." + std::to_string(::getpid());
  std::error_code Error;
  llvm::raw_fd_ostream Out(Temporary, Error);
  if (Error)
    return false;
  Out << Text;
  Out.close();
  if (Out.has_error()) { // a full disk: cleared, or the stream would abort the compiler
    Out.clear_error();
    llvm::sys::fs::remove(Temporary);
    return false;
  }
  return !llvm::sys::fs::rename(Temporary, Path);
}

} // namespace cachepy::pch
