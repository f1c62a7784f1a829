#include "remote_record.hpp"

#include "entry_signature.hpp"

#include <cstdint>
#include <cstring>

namespace cachepy::detail {
namespace {

struct record_header {
  char magic[8];
  std::uint32_t kind; // whole or manifest
  std::uint32_t signature_size;
  std::uint64_t entry_size;
  std::uint64_t chunk_size; // manifest: the size of every chunk but the last
};
static_assert(sizeof(record_header) == 32, "record header must have no padding");

constexpr char record_magic[8] = {'C', 'P', 'Y', 'R', 'E', 'M', 'O', '\x01'};
constexpr std::uint32_t whole = 1, manifest = 2;
// Below this a manifest would be absurd: chunk counts stay small whatever it claims.
constexpr std::uint64_t smallest_chunk = 4096;

std::string header_bytes(std::uint32_t kind, std::uint64_t entry_size, std::uint64_t chunk_size,
                         const std::string &signature) {
  record_header header{};
  std::memcpy(header.magic, record_magic, sizeof header.magic);
  header.kind = kind;
  header.signature_size = static_cast<std::uint32_t>(signature.size());
  header.entry_size = entry_size;
  header.chunk_size = chunk_size;
  return std::string(reinterpret_cast<const char *>(&header), sizeof header) + signature;
}

remote_reply refused(const std::string &problem,
                     remote_status status = remote_status::damaged) {
  remote_reply reply;
  reply.status = status;
  reply.problem = problem;
  return reply;
}

remote_reply damaged(const char *problem) { return refused(problem); }

// The manifest's chunks, each exactly the size the manifest implies, as `entry`.
remote_reply read_chunks(remote_client &storage, const std::string &name,
                         const record_header &header, std::uint64_t max_entry_size,
                         std::string &entry) {
  if (header.chunk_size < smallest_chunk || header.chunk_size > default_chunk_size ||
      header.entry_size <= header.chunk_size)
    return damaged("malformed manifest");
  if (header.entry_size > max_entry_size) // an honest writer with a larger bound
    return refused("an entry of " + std::to_string(header.entry_size) +
                       " bytes, above max-entry-size",
                   remote_status::unusable);
  const chunk_list chunks{name, (header.entry_size + header.chunk_size - 1) / header.chunk_size,
                          header.chunk_size, header.entry_size};
  return storage.get_chunks(chunks, entry);
}

} // namespace

remote_reply write_record(remote_client &storage, const std::string &name,
                          std::string_view entry, std::string_view secret,
                          std::size_t chunk_size) {
  const std::string signature = secret.empty() ? std::string() : sign_entry(secret, name, entry);
  if (entry.size() <= chunk_size)
    return storage.put(name, header_bytes(whole, entry.size(), 0, signature).append(entry));
  const chunk_list chunks{name, (entry.size() + chunk_size - 1) / chunk_size, chunk_size,
                          entry.size()};
  for (std::uint64_t i = 0; i < chunks.count; ++i) {
    remote_reply reply =
        storage.put(chunks.chunk_name(i), entry.substr(i * chunk_size, chunk_size));
    if (!reply.ok())
      return reply;
  }
  return storage.put(name, header_bytes(manifest, entry.size(), chunk_size, signature));
}

remote_reply read_record(remote_client &storage, const std::string &name,
                         std::string_view secret, std::uint64_t max_entry_size) {
  // A whole record holds at most a chunk: no honest reply is longer than this, whatever
  // the writer's max-entry-size.
  constexpr std::uint64_t longest = sizeof(record_header) + signature_size + default_chunk_size;
  remote_reply reply = storage.get(name, longest);
  if (!reply.ok())
    return reply;
  record_header header;
  if (reply.bytes.size() < sizeof header)
    return damaged("truncated record");
  std::memcpy(&header, reply.bytes.data(), sizeof header);
  if (std::memcmp(header.magic, record_magic, sizeof header.magic) != 0)
    return damaged("not a cachepy record");
  if (header.signature_size > reply.bytes.size() - sizeof header)
    return damaged("truncated record");
  if (secret.empty() && header.signature_size != 0)
    return refused("signed entries, and no secret on this machine to check them",
                   remote_status::unusable);
  const std::string signature = reply.bytes.substr(sizeof header, header.signature_size);
  // In place: a whole value may be megabytes, and fresh memory is dear.
  std::string entry = std::move(reply.bytes.erase(0, sizeof header + header.signature_size));
  if (header.kind == manifest && entry.empty()) {
    remote_reply chunks = read_chunks(storage, name, header, max_entry_size, entry);
    if (!chunks.ok())
      return chunks;
  } else if (header.kind != whole || header.entry_size != entry.size()) {
    return damaged("truncated record");
  } else if (entry.size() > max_entry_size) {
    return refused("an entry above max-entry-size", remote_status::unusable);
  }
  if (!secret.empty() && !signature_matches(secret, name, entry, signature))
    return damaged("no valid signature for this secret");
  reply.bytes = std::move(entry);
  return reply;
}

} // namespace cachepy::detail
