// The storage formats behind value_writer and value_reader: cereal's own archives,
// driven primitive by primitive, so an entry's bytes are exactly what cereal writes
// for the same value (and entries stay readable across this indirection).

#include <cachepy/detail/derived.hpp>
#include <cachepy/detail/number_arrays.hpp>
#include <cachepy/detail/value_codec.hpp>

#include "json_check.hpp"
#include "number_types.hpp"

#include <cereal/archives/binary.hpp>
#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>
#include <cereal/types/string.hpp>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

namespace cachepy::detail {

value_writer::value_writer(value_sink &sink) : OutputArchive(this), sink_(sink) {}
value_writer::~value_writer() = default;

value_reader::value_reader(value_source &source) : InputArchive(this), source_(source) {}
value_reader::~value_reader() = default;

namespace {

// Deeper nesting than this is refused: decoding recurses once per level, and a forged
// payload must not exhaust the stack (serde_json stops at 128, Go's encoding/json at
// 10000; this leaves room for recursive types such as trees).
constexpr int max_depth = 1000;

// Counts a JSON document's nesting as RapidJSON's iterative parser, which keeps its
// stack on the heap, goes through it, and stops it past the limit.
struct depth_counter : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, depth_counter> {
  int depth = 0;
  bool StartObject() { return ++depth <= max_depth + 1; } // + cereal's outer object
  bool EndObject(rapidjson::SizeType) { return --depth, true; }
  bool StartArray() { return StartObject(); }
  bool EndArray(rapidjson::SizeType size) { return EndObject(size); }
};

} // namespace

const char *json_problem(std::string_view payload) {
  // cereal's flags, plus the iterative parser.
  constexpr unsigned flags = rapidjson::kParseFullPrecisionFlag |
                             rapidjson::kParseNanAndInfFlag | rapidjson::kParseIterativeFlag;
  rapidjson::MemoryStream stream(payload.data(), payload.size());
  depth_counter counter;
  if (!rapidjson::Reader().Parse<flags>(stream, counter).IsError())
    return nullptr;
  static const std::string too_deep =
      "JSON nested deeper than " + std::to_string(max_depth) + " levels";
  return counter.depth > max_depth + 1 ? too_deep.c_str() : "not a JSON document";
}

namespace {

// cereal's JSON archive reads a string as a C string, up to its first NUL; the length
// RapidJSON parsed is in the archive's private state, reached as derived.hpp reaches a
// class's private members.
struct json_positions : member_tag<json_positions> {};
struct json_find_next : member_tag<json_find_next> {};

} // namespace

template struct member_pointer<json_positions, &cereal::JSONInputArchive::itsIteratorStack>;
template struct member_pointer<json_find_next, &cereal::JSONInputArchive::search>;

namespace {

void load_whole_string(cereal::JSONInputArchive &archive, std::string &out) {
  (archive.*member_of(json_find_next{}))(); // the named member, if a name was given
  auto &position = (archive.*member_of(json_positions{})).back();
  const auto &value = position.value(); // throws past the last member
  out.assign(value.GetString(), value.GetStringLength()); // throws if not a string
  ++position;
}

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
        // A pointer rvalue: from an lvalue, binary_data's T would be a reference to
        // the pointer, and portable binary would swap bytes in units of its size.
        archive_(cereal::binary_data(static_cast<element *>(values), count * sizeof(number)));
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
        archive_(cereal::binary_data(static_cast<Byte *>(data), size * count));
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
    if (size > 0) // data() of an empty vector may be null
      std::memcpy(data, bytes.data(), size);
  }
};

template <class Archive> class archive_sink final : public archive_adapter<value_sink, Archive> {
public:
  using archive_adapter<value_sink, Archive>::archive_adapter;

  // Portable binary writes in this machine's byte order (and says which).
  bool takes_bytes() const override { return !is_json<Archive>; }
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

// The payload, read whole and checked, as a stream to decode from.
class payload_buffer final : public std::streambuf {
public:
  payload_buffer(char *data, std::size_t size) { setg(data, data, data + size); }
  std::uint64_t left() const { return static_cast<std::uint64_t>(egptr() - gptr()); }
};

template <class Archive>
class archive_source final : public archive_adapter<value_source, Archive> {
public:
  archive_source(payload_buffer &buffer, std::istream &in, std::uint64_t payload_size,
                 bool swapped)
      : archive_adapter<value_source, Archive>(in), buffer_(buffer),
        payload_size_(payload_size), takes_bytes_(!is_json<Archive> && !swapped) {}

  bool takes_bytes() const override { return takes_bytes_; }

  void begin_node() override {
    if (++depth_ > max_depth)
      throw cereal::Exception("cachepy: a value nested deeper than " +
                              std::to_string(max_depth) + " levels");
    archive_adapter<value_source, Archive>::begin_node();
  }
  void end_node() override {
    --depth_;
    archive_adapter<value_source, Archive>::end_node();
  }

  // JSON counts the node's members; the binary archives read the count as written,
  // and never believe one larger than the bytes left (every element takes a byte or
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
    // A bool's byte that is neither 0 nor 1 is a value no program wrote (and reading
    // it as a bool is undefined): the binary archives copy bytes as they come.
    if constexpr (!is_json<Archive>)
      if (kind == number_kind_of<bool>) {
        const auto *bytes = static_cast<const unsigned char *>(data);
        if (std::any_of(bytes, bytes + count, [](unsigned char b) { return b > 1; }))
          throw cereal::Exception("cachepy: a bool stored as neither 0 nor 1");
      }
  }
  // As cereal reads a string, with its length checked first (JSON: NUL bytes kept).
  void text(std::string &out) override {
    if constexpr (is_json<Archive>) {
      load_whole_string(this->archive_, out);
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
  std::uint64_t bytes_left() override {
    return is_json<Archive> ? payload_size_ : buffer_.left();
  }

private:
  void check_count(std::uint64_t count) const {
    if (count > buffer_.left())
      throw cereal::Exception("cachepy: a size of " + std::to_string(count) +
                              " elements with " + std::to_string(buffer_.left()) +
                              " bytes left");
  }

  payload_buffer &buffer_;
  std::uint64_t payload_size_;
  bool takes_bytes_;
  int depth_ = 0;
};

template <class Archive>
void encode_with(std::ostream &out, function_ref<void(value_writer &)> write) {
  // The JSON archive completes its document when destroyed, after the writer.
  archive_sink<Archive> sink(out);
  value_writer writer(sink);
  write(writer);
}

template <class Archive>
void decode_with(payload_buffer &buffer, std::uint64_t payload_size,
                 function_ref<void(value_reader &)> read, bool swapped = false) {
  std::istream in(&buffer);
  archive_source<Archive> source(buffer, in, payload_size, swapped);
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
  // Whole first: an entry's stream hands over its last bytes only once the checksum
  // of the payload matched, so nothing unchecked reaches a decoder. Large payloads go
  // into huge pages, as arrays of numbers do: fresh memory's page faults are most of
  // what this copy costs.
  const std::unique_ptr<char[]> bytes(new char[payload_size == 0 ? 1 : payload_size]);
  if (!read_to_fresh(in, bytes.get(), static_cast<std::size_t>(payload_size)))
    throw cereal::Exception("cachepy: the payload is cut short or damaged");
  payload_buffer buffer(bytes.get(), static_cast<std::size_t>(payload_size));
  switch (format) {
  case value_format::portable_binary:
    // Its first byte says whether the writer was little-endian: cereal swaps for any
    // value but this machine's, so anything but 0 or 1 would be read swapped.
    if (payload_size == 0 || static_cast<unsigned char>(bytes[0]) > 1)
      throw cereal::Exception("cachepy: a portable_binary byte-order flag neither 0 nor 1");
    return decode_with<cereal::PortableBinaryInputArchive>(
        buffer, payload_size, read,
        static_cast<bool>(bytes[0]) != cereal::portable_binary_detail::is_little_endian());
  case value_format::json:
    // cereal parses with RapidJSON's recursive parser: only what is known to nest
    // within the limit reaches it.
    if (const char *problem = json_problem({bytes.get(), static_cast<std::size_t>(payload_size)}))
      throw cereal::Exception(std::string("cachepy: ") + problem);
    return decode_with<cereal::JSONInputArchive>(buffer, payload_size, read);
  case value_format::binary:
    break;
  }
  decode_with<cereal::BinaryInputArchive>(buffer, payload_size, read);
}

void throw_unreadable(const char *why) { throw cereal::Exception(why); }

} // namespace cachepy::detail
