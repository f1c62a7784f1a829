// The call graph file (graph.tsv) of a cache directory, as the command line reads it.

#include "scratch.hpp"
#include "storage/local/inspect.hpp"
#include "storage/local/layout.hpp"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string &dir = cachepy::fuzz::scratch_dir();
  cachepy::fuzz::write_file(cachepy::detail::layout::graph_file(dir),
                            reinterpret_cast<const char *>(data), size);
  cachepy::detail::read_call_graph(dir);
  return 0;
}
