#ifndef CACHEPY_REWRITTEN_HPP
#define CACHEPY_REWRITTEN_HPP

// What the plugin gives every translation unit it rewrites, as if by -include (and
// precompiled, when it can): the runtime, with the parts only rewritten code uses.

#define CACHEPY_REWRITTEN 1
#include "cachepy.hpp"

#endif
