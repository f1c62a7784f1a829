#include "call_records.hpp"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

namespace cachepy::detail {

reached_records walk_records(const function_record &root) {
  std::set<const function_record *> visited{&root};
  std::vector<const function_record *> pending{&root};
  std::vector<std::pair<std::uint64_t, std::uint64_t>> hashes;
  std::set<std::string> unseen;
  while (!pending.empty()) {
    const function_record &next = *pending.back();
    pending.pop_back();
    for (std::uint64_t i = 0; i < next.callee_count; ++i) {
      const record_callee &callee = next.callees[i];
      if (!callee.record)
        unseen.insert(std::string(callee.name) + "()");
      else if (visited.insert(callee.record).second) {
        pending.push_back(callee.record);
        hashes.emplace_back(callee.record->ast_hash_high, callee.record->ast_hash_low);
      }
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

} // namespace cachepy::detail
