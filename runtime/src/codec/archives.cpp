// The archives values are stored with, made here once (see with_archive).

#include <cachepy/detail/value_codec.hpp>

namespace cachepy::detail {

template <class Archive, class Stream>
void with_archive(Stream &stream, function_ref<void(Archive &)> use) {
  Archive archive(stream); // the JSON output archive completes its document when destroyed
  use(archive);
}

template void with_archive(std::ostream &, function_ref<void(cereal::BinaryOutputArchive &)>);
template void with_archive(std::istream &, function_ref<void(cereal::BinaryInputArchive &)>);
template void with_archive(std::ostream &,
                           function_ref<void(cereal::PortableBinaryOutputArchive &)>);
template void with_archive(std::istream &,
                           function_ref<void(cereal::PortableBinaryInputArchive &)>);
template void with_archive(std::ostream &, function_ref<void(cereal::JSONOutputArchive &)>);
template void with_archive(std::istream &, function_ref<void(cereal::JSONInputArchive &)>);

} // namespace cachepy::detail
