#ifndef CACHEPY_DETAIL_CALL_GRAPH_HPP
#define CACHEPY_DETAIL_CALL_GRAPH_HPP

// Records which cached calls were made while which cached body ran: in memory for
// cache_tree_nodes(), and appended to <cache_dir>/graph.tsv for later tools.

#include <cachepy/detail/function_site.hpp>
#include <cachepy/detail/key.hpp>

#include <string>
#include <string_view>

namespace cachepy::detail {

// Registers the call as a node, with an edge from the cached body running on this
// thread, if any. While `executing()` is alive, this call is that body.
class call_graph_node {
public:
  call_graph_node(const function_site &site, const key &k, std::string_view cache_dir);

  // The scopes of one thread link into a stack through the thread's innermost one, a
  // plain pointer: a thread-local container would be destroyed at exit before the
  // static destructors and atexit handlers that may still make cached calls.
  class executing_scope {
  public:
    explicit executing_scope(const call_graph_node &node);
    ~executing_scope();
    executing_scope(const executing_scope &) = delete;
    executing_scope &operator=(const executing_scope &) = delete;

    // The cached body running on this thread, or nullptr.
    static const executing_scope *innermost();
    const std::string &id() const { return id_; }

  private:
    const std::string &id_;
    const executing_scope *outer_;
  };
  executing_scope executing() const { return executing_scope(*this); }

  const std::string &id() const { return id_; }

private:
  std::string id_;
};

// A call this process has registered before (its value was kept in memory): only an
// edge from a body running now is new, and without one nothing is done.
void register_repeated_call(const function_site &site, const key &k,
                            std::string_view cache_dir);

} // namespace cachepy::detail

#endif
