#ifndef CACHEPY_SRC_KEY_CALL_RECORDS_HPP
#define CACHEPY_SRC_KEY_CALL_RECORDS_HPP

// The call records the plugin writes into every object file it compiles
// (plugin/CallRecords.h), and the walk over those a cached function reaches, done once
// per process for each cached function.
//
// A record is an ELF note (laid out in call_record_note.hpp) in a
// PT_NOTE segment of the program or a shared library.

#include <cachepy/detail/function_site.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace cachepy::detail {

struct call_record {
  key ast_hash;
  std::vector<std::uint64_t> callees; // record names
  std::string callee_names;           // in the same order, each ending in '\0'
};

// The records of a process by name. Copied out of the notes, so that a library
// unloaded later leaves nothing dangling.
class record_index {
public:
  // Adds the records among the notes of one PT_NOTE segment, aligned to align; other
  // notes and any malformed one are skipped, and nothing past size is read. A name
  // already indexed keeps its record: the first module wins, as for symbols.
  void add_notes(const unsigned char *notes, std::size_t size, std::size_t align);
  const call_record *find(std::uint64_t name) const;

private:
  void add_record(const unsigned char *desc, std::size_t size);

  std::unordered_map<std::uint64_t, call_record> records_;
};

// The records of the program and of the shared libraries loaded when it is first
// asked for (once per process; a library opened later is not in it).
const record_index &loaded_records();

struct reached_records {
  key hash;           // of the AST hashes of every record reached, as a set
  bool any = false;   // whether any record was reached
  std::string unseen; // "a(), b()": callees reached that have no record
};

// Every record reachable from root's callees, root itself left out (the plugin's hash
// already covers it). Cycles (recursion across files) are followed once.
reached_records walk_records(const record_index &index, std::uint64_t root);

// own (the plugin's AST hash of the function whose record is root) with the records
// reachable from root folded in; unchanged when none is. A verbose site logs the
// callees without record, which the key cannot see.
key with_other_files(key own, const record_index &index, std::uint64_t root,
                     std::string_view qualified_name, bool verbose);

} // namespace cachepy::detail

#endif
