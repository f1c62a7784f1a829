#ifndef CACHEPY_REWRITTEN_HPP
#define CACHEPY_REWRITTEN_HPP

// What the plugin gives every translation unit it rewrites, as if by -include (and
// precompiled, when it can): the runtime, with the parts only rewritten code uses.

#define CACHEPY_REWRITTEN 1

#if defined(__GNUC__) && !defined(__GXX_RTTI)
// -fno-rtti: cereal's typeid, in the headers read here only (detail/without_rtti.hpp).
#include "detail/without_rtti.hpp"
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wkeyword-macro"
#endif
#define typeid(...) ::cachepy::detail::typeid_without_rtti<sizeof(__VA_ARGS__)>()
#include "cachepy.hpp"
#undef typeid
#if defined(__clang__)
#pragma clang diagnostic pop
#endif
#else
#include "cachepy.hpp"
#endif

#endif
