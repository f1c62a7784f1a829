#ifndef CACHEPY_CONFIG_DURABILITY_HPP
#define CACHEPY_CONFIG_DURABILITY_HPP

// The configuration's `durability`, as the local store reads it (without the rest of
// the settings).

namespace cachepy::detail {

// How hard a store insists that the entry reaches the disk before it counts:
// none (the default) survives the process being killed at any instant; file adds
// fsync of the entry; full also fsyncs the directory, surviving power loss.
enum class durability { none, file, full };

} // namespace cachepy::detail

#endif
