#ifndef CACHEPY_SRC_KEY_CALL_RECORDS_HPP
#define CACHEPY_SRC_KEY_CALL_RECORDS_HPP

// The walk over the call records a cached function reaches (function_record in
// function_site.hpp), done once per process for each cached function.

#include <cachepy/detail/function_site.hpp>

#include <string>

namespace cachepy::detail {

struct reached_records {
  key hash;           // of the AST hashes of every record reached, as a set
  bool any = false;   // whether any record was reached
  std::string unseen; // "a(), b()": callees reached that have no record
};

// Every record reachable from root's callees, root itself left out (the plugin's hash
// already covers it). Cycles (recursion across files) are followed once.
reached_records walk_records(const function_record &root);

} // namespace cachepy::detail

#endif
