//===- AnnotationScan.cpp - Cheap test for "may this TU use cachepy?" -----===//

#include "AnnotationScan.h"

#include "CompilerHeaders.h"

#include "clang/Basic/FileManager.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"

namespace cachepy {
using namespace clang;

namespace {

constexpr llvm::StringLiteral Needle = "cachepy";
/// A bound on the user headers read, far above real projects' include depth, header-only
/// libraries reached through -isystem included: reading them costs far less than the
/// planning parse that giving up means.
constexpr unsigned MaxFilesScanned = 4096;

struct IncludeDirective {
  llvm::StringRef Name;
  bool Quoted;
};

/// Every `#include "x"` / `#include <x>` line, whatever the conditionals around it:
/// over-approximating only costs time, never correctness of the scan's "no".
std::vector<IncludeDirective> includesOf(llvm::StringRef Text) {
  std::vector<IncludeDirective> Result;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    Line = Line.ltrim();
    if (!Line.consume_front("#"))
      continue;
    Line = Line.ltrim();
    if (!Line.consume_front("include") && !Line.consume_front("import"))
      continue;
    Line = Line.ltrim();
    if (Line.empty() || (Line.front() != '"' && Line.front() != '<'))
      continue;
    char Close = Line.front() == '"' ? '"' : '>';
    size_t End = Line.find(Close, 1);
    if (End != llvm::StringRef::npos)
      Result.push_back({Line.slice(1, End), Close == '"'});
  }
  return Result;
}

class Scanner {
public:
  explicit Scanner(CompilerInstance &CI) : Files(CI.getFileManager()), Headers(CI) {}

  bool mentionsCachepy(llvm::StringRef Path) {
    if (Scanned.size() >= MaxFilesScanned)
      return true; // give up on the shortcut, not on correctness
    if (!Scanned.insert(Path).second)
      return false;
    llvm::Expected<FileEntryRef> File = Files.getFileRef(Path);
    if (!File) {
      llvm::consumeError(File.takeError());
      return false;
    }
    auto Buffer = Files.getBufferForFile(*File);
    if (!Buffer)
      return false;
    llvm::StringRef Text = (*Buffer)->getBuffer();
    if (Text.contains(Needle))
      return true;
    llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
    for (const IncludeDirective &Include : includesOf(Text))
      for (const std::string &Candidate : candidates(Include, Dir))
        if (mentionsCachepy(Candidate))
          return true;
    return false;
  }

private:
  /// The user's headers the include may name; the compiler's own are never read.
  std::vector<std::string> candidates(const IncludeDirective &Include,
                                      llvm::StringRef IncludingDir) {
    std::vector<std::string> Result;
    auto Consider = [&](llvm::StringRef Dir) {
      llvm::SmallString<256> Path(Dir);
      llvm::sys::path::append(Path, Include.Name);
      if (Files.getOptionalFileRef(Path))
        Result.push_back(std::string(Path));
    };
    if (llvm::sys::path::is_absolute(Include.Name)) { // found as written, nowhere else
      if (Files.getOptionalFileRef(Include.Name) && !Headers.contains(Include.Name))
        Result.push_back(Include.Name.str());
      return Result;
    }
    if (Include.Quoted)
      Consider(IncludingDir);
    for (const std::string &Dir : Headers.userSearchDirs())
      Consider(Dir);
    return Result;
  }

  FileManager &Files;
  CompilerHeaders Headers;
  llvm::StringSet<> Scanned;
};

} // namespace

bool mayUseCachepy(CompilerInstance &CI) {
  const FrontendOptions &Frontend = CI.getFrontendOpts();
  if (Frontend.Inputs.size() != 1 || !Frontend.Inputs[0].isFile())
    return false;
  Scanner Scan(CI);
  for (const std::string &Forced : CI.getPreprocessorOpts().Includes) // -include
    if (Scan.mentionsCachepy(Forced))
      return true;
  return Scan.mentionsCachepy(Frontend.Inputs[0].getFile());
}

} // namespace cachepy
