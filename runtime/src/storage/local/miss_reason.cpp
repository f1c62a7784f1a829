// A function directory's manifest: "ast <hex>\ncode <hex>\nlayout <hex>\nversion
// <text>\ncontext <hex>\n", describing its newest entry, so a miss can say what changed.
// "code" is the plugin's hash alone, "ast" with what the function reaches in other
// files, "layout" the shape of the types it stores.

#include "miss_reason.hpp"

#include "atomic_file.hpp"
#include "layout.hpp"
#include "../../util/once_per_key.hpp"
#include "../../util/regular_file.hpp"

#include <mutex>
#include <set>
#include <sstream>

namespace cachepy::detail {
namespace {

std::string manifest_text(const function_site &site, const key &context) {
  return "ast " + site.ast_hash.hex() + "\ncode " + site.code_hash.hex() + "\nlayout " +
         key{0, site.layout}.hex() + "\nversion " + std::string(site.version) + "\ncontext " +
         context.hex() + "\n";
}

std::string line_value(const std::string &text, const std::string &name) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line))
    if (line.compare(0, name.size() + 1, name + ' ') == 0)
      return line.substr(name.size() + 1);
  return {};
}

} // namespace

std::string miss_reason(const function_site &site, const std::string &function_dir,
                        const key &context) {
  const std::optional<std::string> manifest =
      read_regular_file(layout::manifest_file(function_dir).c_str(), 64 * 1024);
  if (!manifest)
    return "first execution";
  const std::string &previous = *manifest;
  // A type's change also changes the function's hash (it reads the type): said first.
  const std::string layout = line_value(previous, "layout"); // absent before 0.4
  if (!layout.empty() && layout != key{0, site.layout}.hex())
    return "a type it stores or hashes changed (its members or its serialize)";
  if (line_value(previous, "ast") != site.ast_hash.hex())
    return line_value(previous, "code") == site.code_hash.hex()
               ? "its own code is unchanged, but a function it calls in another file changed"
               : "body changed since last run";
  if (line_value(previous, "version") != site.version)
    return "version changed";
  if (line_value(previous, "context") != context.hex())
    return "dependencies changed (files, environment or variables)";
  return "new arguments";
}

void note_stored(const function_site &site, const std::string &function_dir,
                 const key &context) noexcept {
  try {
    const std::string text = manifest_text(site, context);
    static once_per_key &written = *new once_per_key; // "<dir>\n<text>" already on disk
    if (!written.first(function_dir + '\n' + text))
      return;
    write_atomically(layout::manifest_file(function_dir), text);
  } catch (...) {
    // The manifest only improves log messages; never fail a call over it.
  }
}

} // namespace cachepy::detail
