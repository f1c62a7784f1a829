// Where this program looks for its modules when $CACHEPY_MODULE_DIR does not say:
// compiled twice, into the build tree's libcachepy-module-path.a (its lib/cachepy) and
// into the installed one (the installed lib/cachepy), so that each finds its own.

#include "module_loader.hpp"

const char *cachepy::detail::default_module_directory() noexcept {
  return CACHEPY_MODULE_DIRECTORY;
}
