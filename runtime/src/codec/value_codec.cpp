// The storage formats behind value_writer and value_reader: cereal's own archives,
// driven primitive by primitive, so an entry's bytes are exactly what cereal writes
// for the same value (and entries stay readable across this indirection).

#include <cachepy/detail/value_codec.hpp>

#include "number_types.hpp"

#include <cereal/archives/binary.hpp>
#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>
#include <cereal/types/string.hpp>

#include <cstring>
#include <string>

namespace cachepy::detail {

value_writer::value_writer(value_sink &sink) : OutputArchive(this), sink_(sink) {}
value_writer::~value_writer() = default;

value_reader::value_reader(value_source &source) : InputArchive(this), source_(source) {}
value_reader::~value_reader() = default;

namespace {

template <class Archive>
constexpr bool is_json = std::is_same<Archive, cereal::JSONOutputArchive>::value ||
                         std::is_same<Archive, cereal::JSONInputArchive>::value;

[[noreturn]] void unknown_kind(number_kind kind) {
  throw cereal::Exception("cachepy: unknown number kind " + std::to_string(kind));
}

// Nodes and names mean something only to JSON; the binary archives ignore them.
template <class Interface, class Archive> class archive_adapter : public Interface {
public:
  template <class Stream> explicit archive_adapter(Stream &stream) : archive_(stream) {}

  void begin_node() override {
    if constexpr (is_json<Archive>)
      archive_.startNode();
  }
  void end_node() override {
    if constexpr (is_json<Archive>)
      archive_.finishNode();
  }
  void name_next(const char *name) override {
    if constexpr (is_json<Archive>)
      archive_.setNextName(name);
  }

protected:
  // A run of numbers as cereal sends it: JSON one value at a time, the binary archives
  // as one block. `Bytes` is `const void *` when saving, `void *` when loading.
  template <class Bytes> void pass_numbers(number_kind kind, Bytes data, std::size_t count) {
    using byte = std::conditional_t<std::is_const<std::remove_pointer_t<Bytes>>::value,
                                    const unsigned char, unsigned char>;
    if (is_raw(kind))
      return pass_blocks(static_cast<byte *>(data), raw_block(kind), count);
    const bool known = visit_number_kind(kind, [&](auto type) {
      using number = typename decltype(type)::type;
      using element = std::conditional_t<std::is_const<byte>::value, const number, number>;
      element *values = static_cast<element *>(data);
      if constexpr (is_json<Archive>) {
        for (std::size_t i = 0; i < count; ++i)
          archive_(values[i]);
      } else if (count == 1) {
        archive_(values[0]);
      } else {
        archive_(cereal::binary_data(values, count * sizeof(number)));
      }
    });
    if (!known)
      unknown_kind(kind);
  }

  Archive archive_;

private:
  template <std::size_t Size> struct block_of {
    unsigned char bytes[Size];
  };

  // Blocks of bytes: JSON writes each as base64 text, under the name it was given; the
  // binary archives write them as they are (portable binary swapping each block's
  // bytes when the byte orders differ, as cereal does for a value of that size).
  template <class Byte> void pass_blocks(Byte *data, std::size_t size, std::size_t count) {
    if constexpr (is_json<Archive>) {
      for (std::size_t i = 0; i < count; ++i)
        pass_text_block(data + i * size, size);
    } else {
      switch (size) {
      case 2:
        return pass_run<2>(data, count);
      case 4:
        return pass_run<4>(data, count);
      case 8:
        return pass_run<8>(data, count);
      case 16:
        return pass_run<16>(data, count);
      default:
        archive_(cereal::binary_data(data, size * count));
      }
    }
  }
  template <std::size_t Size, class Byte> void pass_run(Byte *data, std::size_t count) {
    using block = std::conditional_t<std::is_const<Byte>::value, const block_of<Size>,
                                     block_of<Size>>;
    archive_(cereal::binary_data(reinterpret_cast<block *>(data), Size * count));
  }
  void pass_text_block(const unsigned char *data, std::size_t size) {
    archive_.writeName();
    archive_.saveValue(cereal::base64::encode(data, size));
  }
  void pass_text_block(unsigned char *data, std::size_t size) {
    std::string text;
    archive_.loadValue(text);
    const std::string bytes = cereal::base64::decode(text);
    if (bytes.size() != size)
      throw cereal::Exception("cachepy: a value of " + std::to_string(size) +
                              " bytes holds " + std::to_string(bytes.size()));
    std::memcpy(data, bytes.data(), size);
  }
};

template <class Archive> class archive_sink final : public archive_adapter<value_sink, Archive> {
public:
  using archive_adapter<value_sink, Archive>::archive_adapter;

  // JSON turns the node into an array; the binary archives write the count as it is.
  void size(number_kind kind, const void *count) override {
    if constexpr (is_json<Archive>)
      this->archive_.makeArray();
    else
      this->pass_numbers(kind, count, 1);
  }
  void numbers(number_kind kind, const void *data, std::size_t count) override {
    this->pass_numbers(kind, data, count);
  }
  void text(const char *data, std::size_t size) override {
    if constexpr (is_json<Archive>) {
      this->archive_(std::string(data, size));
    } else {
      this->archive_(cereal::make_size_tag(static_cast<cereal::size_type>(size)));
      this->archive_(cereal::binary_data(data, size));
    }
  }
  void null() override {
    if constexpr (is_json<Archive>)
      this->archive_(nullptr);
  }
};

template <class Archive>
class archive_source final : public archive_adapter<value_source, Archive> {
public:
  archive_source(std::istream &in, std::uint64_t payload_size)
      : archive_adapter<value_source, Archive>(in), payload_size_(payload_size) {}

  // JSON counts the node's members; the binary archives read the count as written,
  // and never believe one larger than the payload (every element takes a byte or
  // more there), so that damaged or forged bytes cannot ask for a huge allocation.
  void size(number_kind kind, void *count) override {
    if constexpr (is_json<Archive>) {
      cereal::size_type size = 0;
      this->archive_.loadSize(size);
      if (!visit_number_kind(kind, [&](auto type) {
            using number = typename decltype(type)::type;
            *static_cast<number *>(count) = static_cast<number>(size);
          }))
        unknown_kind(kind);
    } else {
      this->pass_numbers(kind, count, 1);
      visit_number_kind(kind, [&](auto type) {
        using number = typename decltype(type)::type;
        if constexpr (std::is_integral<number>::value)
          check_count(static_cast<std::uint64_t>(*static_cast<number *>(count)));
      });
    }
  }
  void numbers(number_kind kind, void *data, std::size_t count) override {
    this->pass_numbers(kind, data, count);
  }
  // As cereal reads a string, with its length checked first.
  void text(std::string &out) override {
    if constexpr (is_json<Archive>) {
      this->archive_(out);
    } else {
      cereal::size_type size = 0;
      this->archive_(cereal::make_size_tag(size));
      check_count(size);
      out.resize(static_cast<std::size_t>(size));
      this->archive_(cereal::binary_data(out.data(), out.size()));
    }
  }
  void null() override {
    if constexpr (is_json<Archive>) {
      std::nullptr_t null;
      this->archive_(null);
    }
  }

private:
  void check_count(std::uint64_t count) const {
    if (count > payload_size_)
      throw cereal::Exception("cachepy: a size of " + std::to_string(count) +
                              " elements in a value of " + std::to_string(payload_size_) +
                              " bytes");
  }

  std::uint64_t payload_size_;
};

template <class Archive>
void encode_with(std::ostream &out, function_ref<void(value_writer &)> write) {
  // The JSON archive completes its document when destroyed, after the writer.
  archive_sink<Archive> sink(out);
  value_writer writer(sink);
  write(writer);
}

template <class Archive>
void decode_with(std::istream &in, std::uint64_t payload_size,
                 function_ref<void(value_reader &)> read) {
  archive_source<Archive> source(in, payload_size);
  value_reader reader(source);
  read(reader);
}

} // namespace

void encode_value(std::ostream &out, value_format format, function_ref<void(value_writer &)> write) {
  switch (format) {
  case value_format::portable_binary:
    return encode_with<cereal::PortableBinaryOutputArchive>(out, write);
  case value_format::json:
    return encode_with<cereal::JSONOutputArchive>(out, write);
  case value_format::binary:
    break;
  }
  encode_with<cereal::BinaryOutputArchive>(out, write);
}

void decode_value(std::istream &in, value_format format, std::uint64_t payload_size,
                  function_ref<void(value_reader &)> read) {
  switch (format) {
  case value_format::portable_binary:
    return decode_with<cereal::PortableBinaryInputArchive>(in, payload_size, read);
  case value_format::json:
    return decode_with<cereal::JSONInputArchive>(in, payload_size, read);
  case value_format::binary:
    break;
  }
  decode_with<cereal::BinaryInputArchive>(in, payload_size, read);
}

void throw_unreadable(const char *why) { throw cereal::Exception(why); }

} // namespace cachepy::detail
