#include "remote_tier.hpp"

#include <cachepy/detail/logging.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cachepy::detail {
namespace {

const remote_module_host program_voice{log_warning, log_warning_once};

bool owned_by_root_or_us(const struct stat &info) {
  return info.st_uid == 0 || info.st_uid == ::geteuid();
}
bool others_can_write(const struct stat &info) { return info.st_mode & (S_IWGRP | S_IWOTH); }

// Code loaded into the program: as git's safe.directory does for a repository, only
// from a file, and a folder, that nobody but root or this user can change.
const char *untrusted(const std::string &resolved) {
  struct stat file, folder;
  const std::string directory = resolved.substr(0, resolved.rfind('/') + 1);
  if (::stat(resolved.c_str(), &file) != 0 || ::stat(directory.c_str(), &folder) != 0)
    return "it cannot be read";
  if (!S_ISREG(file.st_mode) || !owned_by_root_or_us(file) || others_can_write(file))
    return "only a file that nobody but root or you can change is loaded";
  if (!owned_by_root_or_us(folder) || (others_can_write(folder) && !(folder.st_mode & S_ISVTX)))
    return "its folder can be changed by others";
  return nullptr;
}

// The module's backend maker, or null after one warning saying why.
auto load_module() -> decltype(remote_module::make_backends) {
  const char *given = std::getenv("CACHEPY_REMOTE_MODULE");
  const std::string path = given && *given ? given : remote_module_default_path();
  const auto refused = [&](const std::string &why) {
    log_warning("remote storage is configured, but the remote module " + path +
                " cannot be used (" + why + "); caching locally only");
    return nullptr;
  };
  char *resolved = ::realpath(path.c_str(), nullptr); // what dlopen would load
  if (!resolved)
    return refused(std::strerror(errno));
  const std::string file = resolved;
  std::free(resolved);
  if (const char *why = untrusted(file))
    return refused(why);
  void *library = ::dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char *error = ::dlerror();
    return refused(error ? error : "dlopen failed");
  }
  auto *entry = reinterpret_cast<remote_module_entry_function *>(
      ::dlsym(library, remote_module_entry));
  const remote_module *module = entry ? entry(program_voice) : nullptr;
  if (!module)
    return refused("it is not a cachepy remote module");
  if (module->abi != remote_module_abi || std::string(module->version) != CACHEPY_VERSION)
    return refused(std::string("it is from cachepy ") + module->version +
                   ", this program's runtime from " + CACHEPY_VERSION);
  return module->make_backends; // the library stays loaded: its backends live on
}

} // namespace

remote_backend_list load_remote_backends(const std::vector<std::string> &specs,
                                         const std::string &secret) {
  if (specs.empty())
    return {};
  static const auto make_backends = load_module(); // once per process, as dlopen counts
  return make_backends ? make_backends(specs, secret) : remote_backend_list{};
}

} // namespace cachepy::detail
