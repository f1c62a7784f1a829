// Where this program looks for the remote module when $CACHEPY_REMOTE_MODULE does not
// say: compiled twice, into the build tree's libcachepy-module-path.a (its lib/) and
// into the installed one (the installed lib/), so that each finds its own.

#include "remote_tier.hpp"

const char *cachepy::detail::remote_module_default_path() noexcept {
  return CACHEPY_REMOTE_MODULE_PATH;
}
