//===- BuildLock.h - One process precompiles a given header ---------------===//
//
// The others compile with the text meanwhile rather than all building it at once (a
// parallel build's first wave). The lock is a file created exclusively; one older than
// a build can take is its dead builder's, and is taken over.
//
//===----------------------------------------------------------------------===//

#ifndef CACHEPY_PLUGIN_PCH_BUILDLOCK_H
#define CACHEPY_PLUGIN_PCH_BUILDLOCK_H

#include <string>

namespace cachepy::pch {

class BuildLock {
public:
  explicit BuildLock(std::string Path);
  ~BuildLock();
  BuildLock(const BuildLock &) = delete;
  BuildLock &operator=(const BuildLock &) = delete;
  bool held() const { return Fd >= 0; }

private:
  std::string Path;
  int Fd = -1;
};

} // namespace cachepy::pch

#endif
