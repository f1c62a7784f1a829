#include <cachepy/api.hpp>

#include "call_graph.hpp"
#include "../logging/logging.hpp"

#include "../storage/local/layout.hpp"
#include "../util/regular_file.hpp"

#include <cerrno>
#include <fcntl.h>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

namespace cachepy::detail {
namespace {

struct graph_state {
  std::mutex mutex;
  std::map<std::string, node> nodes;
};

graph_state &graph() {
  static graph_state &state = *new graph_state; // outlives the calls static destructors make
  return state;
}

thread_local const call_graph_node::executing_scope *innermost_scope = nullptr;

// One line per edge, appended with O_APPEND so that concurrent writers never tear
// each other's lines: "<parent id>\t<child id>".
void persist_edge(std::string_view cache_dir, const std::string &parent,
                  const std::string &child) {
  ::mkdir(std::string(cache_dir).c_str(), layout::directory_mode);
  const std::string path = layout::graph_file(cache_dir);
  const int fd = regular_or_closed( // not a FIFO or device someone put there
      ::open(path.c_str(), O_WRONLY | O_APPEND | layout::create_flags, layout::file_mode));
  if (fd < 0)
    return; // the graph is a convenience; the store reports real I/O problems
  const std::string line = parent + '\t' + child + '\n';
  [[maybe_unused]] const ssize_t written = ::write(fd, line.data(), line.size());
  ::close(fd);
}

} // namespace

call_graph_node::call_graph_node(const function_site &site, const key &k,
                                 std::string_view cache_dir)
    : id_(std::string(site.qualified_name) + ':' + k.hex().substr(0, 16)) {
  const executing_scope *running = executing_scope::innermost();
  const std::string *parent = running ? &running->id() : nullptr;
  {
    graph_state &g = graph();
    std::lock_guard<std::mutex> lock(g.mutex);
    node &self = g.nodes[id_];
    self.fname = site.qualified_name;
    if (!parent)
      return;
    if (!self.parents.insert(*parent).second)
      return; // edge known: already persisted by this process
    g.nodes[*parent].children.insert(id_);
  }
  persist_edge(cache_dir, *parent, id_);
}

void register_repeated_call(const function_site &site, const key &k,
                            std::string_view cache_dir) {
  if (call_graph_node::executing_scope::innermost())
    call_graph_node(site, k, cache_dir);
}

call_graph_node::executing_scope::executing_scope(const call_graph_node &node)
    : id_(node.id()), outer_(innermost_scope) {
  innermost_scope = this;
}

call_graph_node::executing_scope::~executing_scope() { innermost_scope = outer_; }

const call_graph_node::executing_scope *call_graph_node::executing_scope::innermost() {
  return innermost_scope;
}

} // namespace cachepy::detail

namespace cachepy {

std::map<std::string, node> cache_tree_nodes() {
  detail::graph_state &g = detail::graph();
  std::lock_guard<std::mutex> lock(g.mutex);
  return g.nodes;
}

} // namespace cachepy
