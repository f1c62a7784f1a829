#include "remote_tier.hpp"

#include "failure_warnings.hpp"
#include "../modules/module_loader.hpp"


#include <algorithm>
#include <atomic>
#include <list>
#include <mutex>

namespace cachepy::detail {
namespace {

// The module's backend maker, or null after one warning saying why.
auto remote_backend_maker() -> decltype(remote_module::make_backends) {
  std::string problem;
  const module_header *loaded = load_module(remote_module_file, remote_module_abi, problem);
  if (!loaded) {
    warn_once(storage_failure{storage_failure::kind::no_remote_module, problem}, {});
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
  if (!make_backends)
    return {};
  made_remote_backends made = make_backends(specs, secret);
  for (const storage_failure &left_out : made.left_out)
    warn_once(left_out, {});
  return std::move(made.backends);
}

namespace {

struct built_remotes {
  const settings *from;
  remote_backend_list backends;
};

// Every settings' remotes, built once each; the last one used is read without a lock.
struct remote_registry {
  std::mutex mutex;
  std::list<built_remotes> built; // stable addresses
  std::atomic<const built_remotes *> last{nullptr};

  const remote_backend_list &of(const settings &config) {
    if (const built_remotes *seen = last.load(std::memory_order_acquire); seen && seen->from == &config)
      return seen->backends;
    std::lock_guard<std::mutex> lock(mutex);
    auto found = std::find_if(built.begin(), built.end(),
                              [&](const built_remotes &b) { return b.from == &config; });
    if (found == built.end())
      found = built.insert(built.end(),
                           built_remotes{&config, load_remote_backends(config.remote_specs,
                                                                       config.remote_secret)});
    last.store(&*found, std::memory_order_release);
    return found->backends;
  }
};

} // namespace

const remote_backend_list &remote_backends(const settings &config) {
  static const remote_backend_list &none = *new remote_backend_list;
  if (config.remote_specs.empty())
    return none;
  // Never destroyed: a call on another thread may still use a backend at exit.
  static remote_registry &registry = *new remote_registry;
  return registry.of(config);
}

} // namespace cachepy::detail
