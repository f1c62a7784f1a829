#ifndef CACHEPY_TYPES_HPP
#define CACHEPY_TYPES_HPP

// cereal's support for the standard library types most results are made of, so that
// cached functions over them need no further include; and ours for those cereal
// lacks (std::filesystem::path, std::span) or that are recognized without their
// headers (std::valarray, Eigen's dense matrices and arrays); and our reading of the
// maps, sets and forward_list, grown as decoded (equal keys keep their order, a forged
// count allocates nothing).

#include <cereal/details/static_object.hpp>

// cereal/types/memory.hpp brings cereal's registry of polymorphic casts, a static object
// with a dynamic initializer that every including translation unit would otherwise
// define and compile (hash tables of hash tables, a tenth of a small compilation at
// -O2). The runtime library defines it once (src/codec/cereal_statics.cpp).
namespace cereal::detail {
struct PolymorphicCasters;
}
extern template class cereal::detail::StaticObject<cereal::detail::PolymorphicCasters>;

#include <cereal/types/array.hpp>
#include <cereal/types/bitset.hpp>
#include <cereal/types/chrono.hpp>
#include <cereal/types/complex.hpp>
#include <cereal/types/deque.hpp>
#include <cereal/types/forward_list.hpp>
#include <cereal/types/list.hpp>
#include <cereal/types/map.hpp>
#include <cereal/types/memory.hpp>
#include <cereal/types/optional.hpp>
#include <cereal/types/set.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/tuple.hpp>
#include <cereal/types/unordered_map.hpp>
#include <cereal/types/unordered_set.hpp>
#include <cereal/types/utility.hpp>
#include <cereal/types/variant.hpp>
#include <cereal/types/vector.hpp>

#include "detail/contiguous.hpp"
#include "detail/dense_matrix.hpp"
#include "types/containers.hpp"
#include "types/filesystem.hpp"

#endif
