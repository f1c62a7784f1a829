#include "call_records.hpp"

#include "../logging/logging.hpp"
#include "call_record_note.hpp"

#include <algorithm>
#include <cstring>
#include <link.h>
#include <set>
#include <utility>

namespace cachepy::detail {
namespace {

namespace layout = call_record_note;

// Notes are 4-byte aligned: the 64-bit fields are copied out.
template <class T> T read(const unsigned char *at) {
  T value;
  std::memcpy(&value, at, sizeof value);
  return value;
}

std::size_t aligned(std::size_t size, std::size_t align) { return (size + align - 1) / align * align; }

} // namespace

void record_index::add_notes(const unsigned char *notes, std::size_t size, std::size_t align) {
  // Notes are 4- or 8-byte aligned; as readelf does, 0 and 1 mean 4 and any other
  // alignment makes the segment unreadable (an older plugin's notes padded by
  // AddressSanitizer are 32-byte aligned, with redzones between them).
  if (align <= 4)
    align = 4;
  else if (align != 8)
    return;
  std::size_t offset = 0;
  while (size - offset >= 12) {
    const std::uint32_t name_size = read<std::uint32_t>(notes + offset);
    const std::uint32_t desc_size = read<std::uint32_t>(notes + offset + 4);
    const std::uint32_t type = read<std::uint32_t>(notes + offset + 8);
    const std::size_t desc = aligned(12 + std::size_t{name_size}, align);
    const std::size_t length = aligned(desc + desc_size, align);
    if (length > size - offset)
      return; // malformed: nothing after it can be trusted
    if (type == layout::type && name_size == sizeof layout::name &&
        std::memcmp(notes + offset + 12, layout::name, sizeof layout::name) == 0)
      add_record(notes + offset + desc, desc_size);
    offset += length;
  }
}

void record_index::add_record(const unsigned char *desc, std::size_t size) {
  if (size < layout::fixed_desc_size)
    return;
  const std::uint32_t count = read<std::uint32_t>(desc + layout::callee_count_offset);
  if ((size - layout::fixed_desc_size) / layout::callee_size < count)
    return;
  const auto [entry, added] =
      records_.try_emplace(read<std::uint64_t>(desc + layout::record_name_offset));
  if (!added)
    return;
  call_record &record = entry->second;
  record.ast_hash = {read<std::uint64_t>(desc + layout::ast_hash_high_offset),
                     read<std::uint64_t>(desc + layout::ast_hash_low_offset)};
  const unsigned char *callees = desc + layout::fixed_desc_size;
  for (std::uint32_t i = 0; i < count; ++i)
    record.callees.push_back(read<std::uint64_t>(callees + layout::callee_size * i));
  const char *names =
      reinterpret_cast<const char *>(callees + layout::callee_size * std::size_t{count});
  record.callee_names.assign(names, reinterpret_cast<const char *>(desc + size));
}

const call_record *record_index::find(std::uint64_t name) const {
  const auto found = records_.find(name);
  return found == records_.end() ? nullptr : &found->second;
}

const record_index &loaded_records() {
  static const record_index index = [] {
    record_index built;
    dl_iterate_phdr(
        [](dl_phdr_info *module, std::size_t, void *out) {
          for (ElfW(Half) i = 0; i < module->dlpi_phnum; ++i) {
            const ElfW(Phdr) &segment = module->dlpi_phdr[i];
            if (segment.p_type == PT_NOTE)
              static_cast<record_index *>(out)->add_notes(
                  reinterpret_cast<const unsigned char *>(module->dlpi_addr + segment.p_vaddr),
                  segment.p_memsz, segment.p_align);
          }
          return 0;
        },
        &built);
    return built;
  }();
  return index;
}

reached_records walk_records(const record_index &index, std::uint64_t root) {
  std::set<std::uint64_t> visited{root};
  std::vector<std::uint64_t> pending{root};
  std::vector<std::pair<std::uint64_t, std::uint64_t>> hashes;
  std::set<std::string> unseen;
  while (!pending.empty()) {
    const call_record *next = index.find(pending.back());
    pending.pop_back();
    if (!next)
      continue; // only the root: a callee without record is not pending
    std::size_t name = 0; // the callee's name in callee_names
    for (const std::uint64_t callee : next->callees) {
      const std::size_t end = std::min(next->callee_names.find('\0', name), next->callee_names.size());
      const call_record *reached = index.find(callee);
      if (!reached)
        unseen.insert(next->callee_names.substr(name, end - name) + "()");
      else if (visited.insert(callee).second) {
        pending.push_back(callee);
        hashes.emplace_back(reached->ast_hash.high, reached->ast_hash.low);
      }
      name = std::min(end + 1, next->callee_names.size());
    }
  }
  // A set: the order in which the linker laid out the records does not matter.
  std::sort(hashes.begin(), hashes.end());
  reached_records reached;
  reached.any = !hashes.empty();
  reached.hash = hash_of([&](value_writer &archive) {
    for (const auto &[high, low] : hashes)
      archive(high, low);
  });
  for (const std::string &name : unseen)
    reached.unseen += (reached.unseen.empty() ? "" : ", ") + name;
  return reached;
}

key with_other_files(key own, const record_index &index, std::uint64_t root,
                     std::string_view qualified_name, bool verbose) {
  const reached_records reached = walk_records(index, root);
  if (verbose && !reached.unseen.empty())
    log_info(std::string(qualified_name) + ": changes to " + reached.unseen +
             " are not seen (compiled without the cachepy plugin)");
  if (!reached.any)
    return own; // nothing elsewhere: the key is what this translation unit says
  return hash_with(own, [&](value_writer &archive) { archive(reached.hash); });
}

} // namespace cachepy::detail
