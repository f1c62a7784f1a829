#include "module_loader.hpp"

#include "../util/environment_variables.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cachepy::detail {
namespace {

bool owned_by_root_or_us(const struct stat &info) {
  return info.st_uid == 0 || info.st_uid == ::geteuid();
}
bool others_can_write(const struct stat &info) { return info.st_mode & (S_IWGRP | S_IWOTH); }

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

} // namespace

const module_header *load_module(const char *file_name, int abi, std::string &problem) {
  const char *given = std::getenv(env_name(env_setting::module_dir));
  const std::string path =
      std::string(given && *given ? given : default_module_directory()) + "/" + file_name;
  const auto refused = [&](const std::string &why) -> const module_header * {
    problem = path + " cannot be used (" + why + ")";
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
  auto *entry =
      reinterpret_cast<module_entry_function *>(::dlsym(library, module_entry_name));
  const module_header *module = entry ? entry() : nullptr;
  if (!module)
    return refused("it is not a cachepy module");
  if (module->abi != abi || std::strcmp(module->version, CACHEPY_VERSION) != 0)
    return refused(std::string("it is from cachepy ") + module->version +
                   ", this program's runtime from " + CACHEPY_VERSION);
  return module; // the library stays loaded: what it made lives on
}

} // namespace cachepy::detail
