#include "remote_tier.hpp"

#include "../modules/module_loader.hpp"

#include "../logging/logging.hpp"

namespace cachepy::detail {
namespace {

// The module's backend maker, or null after one warning saying why.
auto remote_backend_maker() -> decltype(remote_module::make_backends) {
  std::string problem;
  const module_header *loaded = load_module(remote_module_file, remote_module_abi, problem);
  if (!loaded) {
    log_warning("remote storage is configured, but the remote module " + problem +
                "; caching locally only");
    return nullptr;
  }
  // The header is the table's first member: the table is the module's remote_module.
  return reinterpret_cast<const remote_module *>(loaded)->make_backends;
}

} // namespace

remote_backend_list load_remote_backends(const std::vector<std::string> &specs,
                                         const std::string &secret) {
  if (specs.empty())
    return {};
  static const auto make_backends = remote_backend_maker(); // once per process
  return make_backends ? make_backends(specs, secret) : remote_backend_list{};
}

} // namespace cachepy::detail
