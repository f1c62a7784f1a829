// The one definition of cereal's registry of polymorphic casts that every translation
// unit including the runtime refers to (cachepy/types.hpp declares it extern).

#include <cachepy/types.hpp>

#include <cereal/types/polymorphic.hpp>

template class cereal::detail::StaticObject<cereal::detail::PolymorphicCasters>;
