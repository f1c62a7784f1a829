// An entry file as the runtime loads it: a header written here (so that the checksum
// matches, as any writer of an unsigned remote can make it), then the input's payload,
// decoded in the format and into the type its first byte picks, through the same
// dispatch a cached function uses (the fast path for arrays of numbers included).
// With the byte's top bit set the checksum is wrong: the entry must be damaged.

#include "scratch.hpp"
#include "storage/local/local_storage.hpp"

#include <cachepy/detail/call.hpp>
#include <cachepy/types.hpp>

#include <array>
#include <bitset>
#include <cstdint>
#include <cstdlib>
#include <forward_list>
#include <map>
#include <ostream>
#include <string>
#include <unordered_set>
#include <vector>

namespace {

using namespace cachepy::detail;

struct record {
  std::string name;
  std::vector<int> counts;
  std::map<std::string, double> weights;
  template <class Archive> void serialize(Archive &archive) {
    archive(CEREAL_NVP(name), CEREAL_NVP(counts), CEREAL_NVP(weights));
  }
};

struct tree { // recursive: nesting bounded only by the decoder's depth limit
  std::vector<tree> children;
  template <class Archive> void serialize(Archive &archive) { archive(children); }
};

struct no_body {
  int operator()() const { return 0; }
};

template <class T>
load_result load_as(const entry_address &where, const key &k, value_format format) {
  using call = typed_call<T, no_body>;
  no_body body;
  call c{body, std::nullopt};
  return load_entry(where, k, format, [&](std::istream &in, std::uint64_t size) {
           call::decode(&c, format, in, size);
         }).result;
}

load_result load(unsigned type, const entry_address &where, const key &k, value_format format) {
  switch (type % 11) {
  case 0: return load_as<std::vector<double>>(where, k, format);
  case 1: return load_as<std::vector<std::vector<double>>>(where, k, format);
  case 2: return load_as<std::string>(where, k, format);
  case 3: return load_as<std::map<std::string, int>>(where, k, format);
  case 4: return load_as<record>(where, k, format);
  case 5: return load_as<std::vector<std::array<double, 64>>>(where, k, format);
  case 6: return load_as<tree>(where, k, format);
  // Node containers grown as decoded (types/containers.hpp), and a bitset.
  case 7: return load_as<std::forward_list<std::array<double, 64>>>(where, k, format);
  case 8: return load_as<std::unordered_set<std::string>>(where, k, format);
  case 9: return load_as<std::multimap<std::string, int>>(where, k, format);
  default: return load_as<std::bitset<100>>(where, k, format);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  if (size == 0)
    return 0;
  const unsigned pick = data[0];
  const value_format format = static_cast<value_format>((pick & 0x7f) % 3);
  const bool wrong_checksum = pick & 0x80;
  const std::string payload(reinterpret_cast<const char *>(data) + 1, size - 1);
  const key k{1, 2};
  const entry_address where = address_of(cachepy::fuzz::scratch_dir(), "f", k);
  save_entry(where, k, format, [&](std::ostream &out) { out << payload; });
  if (wrong_checksum) { // flip a payload bit after the checksum was taken
    if (payload.empty())
      return 0;
    std::string flipped = payload;
    flipped[0] = static_cast<char>(flipped[0] ^ 1);
    std::fstream file(where.file, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(-static_cast<std::streamoff>(payload.size()), std::ios::end);
    file.put(flipped[0]);
  }
  const load_result result = load((pick & 0x7f) / 3, where, k, format);
  if (wrong_checksum && result != load_result::damaged)
    std::abort();
  return 0;
}
