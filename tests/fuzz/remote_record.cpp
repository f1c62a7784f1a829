// A record as a remote server returns it: the input's first two bytes say how long the
// record under the entry's name is, the rest is what each of chunks "e.0" to "e.3"
// holds (a server holds what it holds: a manifest claiming more finds the next one
// missing); read with and without a secret, then checked as the store checks what it
// adopts.

#include "storage/local/entry_format.hpp"
#include "storage/remote/remote_record.hpp"

#include <cstdint>
#include <string>

namespace {

using namespace cachepy::detail;

class fake_remote final : public remote_client {
public:
  fake_remote(std::string record, std::string chunk)
      : record_(std::move(record)), chunk_(std::move(chunk)) {}
  // As a server that honours the bound asked for (GETRANGE, a limited HTTP read).
  remote_reply get(const std::string &name, std::uint64_t limit) override {
    remote_reply reply;
    reply.status = remote_status::missing;
    if (name == "e" || (name.size() == 3 && name.compare(0, 2, "e.") == 0 && name[2] <= '3')) {
      reply.status = remote_status::ok;
      reply.bytes = (name == "e" ? record_ : chunk_).substr(0, limit == 0 ? std::string::npos : limit + 1);
    }
    return reply;
  }
  remote_reply put(const std::string &, std::string_view) override { return {}; }
  bool exists(const std::string &) override { return true; }

private:
  std::string record_, chunk_;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size < 2)
    return 0;
  const std::string_view input(reinterpret_cast<const char *>(data) + 2, size - 2);
  const std::size_t split = std::min<std::size_t>(input.size(), data[0] | (data[1] << 8));
  fake_remote remote(std::string(input.substr(0, split)), std::string(input.substr(split)));
  for (const char *secret : {"", "s3cret"}) {
    const remote_reply reply = read_record(remote, "e", secret, default_max_entry_size);
    if (reply.ok())
      decode_entry(reply.bytes, key{1, 2}, value_format::binary);
  }
  return 0;
}
