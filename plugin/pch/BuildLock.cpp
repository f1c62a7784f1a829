//===- BuildLock.cpp - One process precompiles a given header -------------===//

#include "pch/BuildLock.h"

#include "llvm/Support/FileSystem.h"

#include <ctime>
#include <fcntl.h>
#include <unistd.h>

namespace cachepy::pch {

namespace {
constexpr std::time_t LongestBuildSeconds = 600; ///< a build takes seconds

int createExclusively(const std::string &Path) {
  return ::open(Path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
}
} // namespace

BuildLock::BuildLock(std::string LockPath) : Path(std::move(LockPath)) {
  Fd = createExclusively(Path);
  llvm::sys::fs::file_status Status;
  if (Fd < 0 && !llvm::sys::fs::status(Path, Status) &&
      std::time(nullptr) - llvm::sys::toTimeT(Status.getLastModificationTime()) >
          LongestBuildSeconds) {
    llvm::sys::fs::remove(Path); // its builder died
    Fd = createExclusively(Path);
  }
}

BuildLock::~BuildLock() {
  if (Fd >= 0) {
    ::close(Fd);
    llvm::sys::fs::remove(Path);
  }
}

} // namespace cachepy::pch
