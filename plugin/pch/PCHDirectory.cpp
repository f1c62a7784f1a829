//===- PCHDirectory.cpp - The directory the precompiled headers are kept in -===//

#include "pch/PCHDirectory.h"
#include "RuntimePCH.h"
#include "util/environment_variables.hpp"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <cstdlib>
#include <ctime>
#include <sys/time.h>

namespace cachepy::pch {

namespace {

constexpr std::time_t Day = 24 * 60 * 60;
constexpr std::uint64_t DefaultLimitMB = 512;

std::uint64_t limitBytes() {
  std::uint64_t MB = DefaultLimitMB;
  const char *Value = std::getenv(detail::env_name(detail::env_setting::pch_max_mb));
  if (Value && *Value)
    llvm::StringRef(Value).getAsInteger(10, MB); // leaves the default on a malformed value
  return MB * 1024 * 1024;
}

std::time_t ageOf(const llvm::sys::fs::file_status &Status) {
  return std::time(nullptr) - llvm::sys::toTimeT(Status.getLastModificationTime());
}

std::string inputsOf(llvm::StringRef PCH) { return PCH.drop_back(4).str() + ".inputs"; }

struct KeptHeader {
  std::string Path;
  std::uint64_t Bytes; ///< with its sidecar
  llvm::sys::TimePoint<> LastUse;
};

void removeHeader(llvm::StringRef PCH) {
  llvm::sys::fs::remove(PCH);
  llvm::sys::fs::remove(inputsOf(PCH));
}

} // namespace

void markUsed(const std::string &PCH) {
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(PCH, Status) && ageOf(Status) > 60)
    ::utimes(PCH.c_str(), nullptr);
}

void removeUnused(const std::string &CacheDir, const std::string &Kept) {
  std::vector<KeptHeader> Headers;
  std::uint64_t Total = 0;
  std::error_code Error;
  for (llvm::sys::fs::directory_iterator It(CacheDir, Error), End; !Error && It != End;
       It.increment(Error)) {
    const llvm::StringRef Path = It->path();
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(Path, Status))
      continue;
    if (Path.ends_with(".pch") && ageOf(Status) > 30 * Day) {
      removeHeader(Path);
    } else if (Path.ends_with(".pch")) {
      llvm::sys::fs::file_status Inputs;
      const std::uint64_t Bytes =
          Status.getSize() + (llvm::sys::fs::status(inputsOf(Path), Inputs) ? 0 : Inputs.getSize());
      Headers.push_back({Path.str(), Bytes, Status.getLastModificationTime()});
      Total += Bytes;
    } else if ((Path.contains(".tmp") || Path.ends_with(".building")) && ageOf(Status) > Day) {
      llvm::sys::fs::remove(Path); // what killed builds left
    }
  }
  llvm::sort(Headers, [](const KeptHeader &A, const KeptHeader &B) { return A.LastUse < B.LastUse; });
  const std::uint64_t Limit = limitBytes();
  for (const KeptHeader &Header : Headers) {
    if (Total <= Limit)
      break;
    if (Header.Path == Kept)
      continue;
    removeHeader(Header.Path);
    Total -= Header.Bytes;
  }
}

bool enoughSpace(const std::string &CacheDir) {
  llvm::ErrorOr<llvm::sys::fs::space_info> Space = llvm::sys::fs::disk_space(CacheDir);
  return Space && Space->available > 512ull * 1024 * 1024;
}

} // namespace cachepy::pch

namespace cachepy {

std::string defaultPCHDirectory() {
  if (const char *Dir = std::getenv(detail::env_name(detail::env_setting::pch_dir)); Dir && *Dir)
    return Dir;
  llvm::SmallString<256> Path;
  if (const char *Cache = std::getenv("XDG_CACHE_HOME"); Cache && *Cache)
    Path = Cache;
  else if (const char *Home = std::getenv("HOME"); Home && *Home)
    llvm::sys::path::append(Path, Home, ".cache");
  else
    return "";
  llvm::sys::path::append(Path, "cachepy", "pch");
  return std::string(Path);
}

} // namespace cachepy
