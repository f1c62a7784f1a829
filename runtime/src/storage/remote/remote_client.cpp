#include "remote_client.hpp"

namespace cachepy::detail {

remote_reply remote_client::get_chunks(const chunk_list &chunks, std::string &value) {
  value.clear();
  for (std::uint64_t i = 0; i < chunks.count; ++i) {
    remote_reply chunk = get(chunks.chunk_name(i), chunks.chunk_bytes(i));
    if (chunk.status == remote_status::missing) {
      chunk.status = remote_status::unusable;
      chunk.problem = chunk_missing;
    } else if (chunk.status == remote_status::damaged ||
               (chunk.ok() && chunk.bytes.size() != chunks.chunk_bytes(i))) {
      chunk.status = remote_status::damaged;
      chunk.problem = chunk_wrong_size;
    }
    if (!chunk.ok())
      return chunk;
    value += chunk.bytes;
  }
  remote_reply reply;
  reply.status = remote_status::ok;
  return reply;
}

} // namespace cachepy::detail
