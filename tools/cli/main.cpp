// `cachepy`: inspect and maintain cache directories from the shell.

#include "commands.hpp"

#include "util/environment_variables.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <system_error>

namespace {

// The runtime linked into this tool looks for its modules (the configuration's reader)
// where the build tree has them; installed, the tool finds them beside itself,
// <prefix>/bin/../<libdir>/cachepy, wherever the prefix was moved.
void find_modules_beside_this_tool() {
  using cachepy::detail::env_setting;
  const char *const module_dir = cachepy::detail::env_name(env_setting::module_dir);
  if (std::getenv(module_dir))
    return;
  std::error_code error;
  const std::filesystem::path tool = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error)
    return;
  for (const char *libdir : {CACHEPY_INSTALL_LIBDIR, "lib"}) {
    const std::filesystem::path modules = tool.parent_path().parent_path() / libdir / "cachepy";
    if (std::filesystem::exists(modules / "cachepy-config.so", error)) {
      ::setenv(module_dir, modules.c_str(), 1);
      return;
    }
  }
}

// --max-size's value, replaced by its bytes: CLI11's unit transform does the units and
// the multiplication, once the text is a plain decimal and letters (CLI11 2.1 reads the
// number with strtold, which also takes hex, a sign, an exponent, nan and inf). Not
// CLI::AsSizeValue: its whole number (strtoull, base 0) refuses 1.5G and takes 0x10.
CLI::Validator size_in_bytes() {
  const CLI::AsNumberWithUnit units(
      std::map<std::string, double>{
          {"B", 1}, {"K", 0x1p10}, {"M", 0x1p20}, {"G", 0x1p30}, {"T", 0x1p40}},
      CLI::AsNumberWithUnit::CASE_SENSITIVE);
  return CLI::Validator(
      [units](std::string &text) {
        const std::string given = text;
        const std::size_t unit_at = std::min(text.find_first_not_of("0123456789."), text.size());
        bool valid = cachepy::cli::parse_decimal(std::string_view(text).substr(0, unit_at)) &&
                     std::all_of(text.begin() + unit_at, text.end(),
                                 [](unsigned char c) { return std::isalpha(c); });
        try {
          valid = valid && units(text).empty();
        } catch (const CLI::ValidationError &) {
          valid = false; // an unknown unit, or an overflow
        }
        if (valid && std::strtod(text.c_str(), nullptr) < 9.2e18) // within a std::uint64_t
          return std::string();
        return "'" + given + "' is not a size like 500M or 2G";
      },
      "");
}

} // namespace

int main(int argc, char **argv) {
  find_modules_beside_this_tool();
  CLI::App app{"cachepy: inspect and maintain cachepy cache directories"};
  app.require_subcommand(1);
  bool json = false;
  app.add_flag("--json", json, "print JSON for scripts instead of a table");
  std::string dir;
  auto with_dir = [&](CLI::App *command) {
    command->add_option("DIR", dir, "the cache directory")->required();
    command->add_flag("--json", json, "print JSON for scripts instead of a table");
    return command;
  };
  // stats, ls and clear take DIR or --remote [URL].
  std::string remote;
  bool on_remote = false;
  auto with_dir_or_remote = [&](CLI::App *command) {
    CLI::Option *local = command->add_option("DIR", dir, "the cache directory");
    CLI::Option *remote_option =
        command
            ->add_option("--remote", remote,
                         "a remote storage URL instead of a directory; without URL, the "
                         "remotes of $CACHEPY_REMOTE_STORAGE or of $CACHEPY_CONFIG's "
                         "remote_storage, one after the other (a URL given here, password "
                         "included, is visible to other users of this machine, in ps)")
            ->expected(0, 1)
            ->type_name("[URL]")
            ->excludes(local);
    command->add_flag("--json", json, "print JSON for scripts instead of a table");
    command->callback([local, remote_option, &on_remote] {
      on_remote = remote_option->count() > 0;
      if (!local->count() && !on_remote)
        throw CLI::RequiredError("DIR or --remote");
    });
    return command;
  };

  CLI::App *stats =
      with_dir_or_remote(app.add_subcommand("stats", "count entries and megabytes"));
  CLI::App *ls = with_dir_or_remote(
      app.add_subcommand("ls", "entries by function: count, size, last use, hits"));

  CLI::App *prune = with_dir(app.add_subcommand(
      "prune", "remove entries not used for N days and/or beyond a size bound (LRU first)"));
  // Days are read as text and parsed strictly (commands.hpp): CLI11 and strtod take hex
  // and nan.
  std::string days_old;
  double max_size_bytes = 0;
  bool dry_run = false;
  prune->add_option("--days-old", days_old,
                    "remove entries unused for this many days (e.g. 30, 0.5)");
  const CLI::Option *max_size =
      prune
          ->add_option("--max-size", max_size_bytes,
                       "then evict least recently used down to this size (e.g. 2G)")
          ->transform(size_in_bytes())
          ->type_name("SIZE");
  prune->add_flag("--dry-run", dry_run, "only say what would be removed");

  CLI::App *tree = with_dir(app.add_subcommand("tree", "the recorded call graph"));
  bool dot = false;
  tree->add_flag("--dot", dot, "print Graphviz dot");
  std::string depth;
  tree->add_option("--depth", depth, "only this many levels of calls below each root");

  CLI::App *verify = with_dir(app.add_subcommand("verify", "check every entry's checksum"));
  bool fix = false;
  verify->add_flag("--fix", fix, "remove damaged entries");

  CLI::App *clear = with_dir_or_remote(
      app.add_subcommand("clear", "remove entries, all or one function's"));
  std::string function;
  const CLI::Option *only =
      clear->add_option("--function", function, "only this function (as named in `cachepy ls`)");
  bool yes = false;
  clear->add_flag("--yes", yes, "with --remote: clear without asking");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ValidationError &error) {
    // A value an option refused: said as the tool's other errors are.
    std::fprintf(stderr, "cachepy: error: %s\n", error.what());
    return 1;
  } catch (const CLI::ParseError &error) {
    return app.exit(error);
  }

  try {
    if (on_remote) {
      int status = 0;
      for (const std::string &spec : cachepy::cli::chosen_remotes(remote))
        status |= *clear ? cachepy::cli::remote_clear(spec, yes, json)
                         : cachepy::cli::remote_stats(spec, json);
      return status;
    }
    if (*stats)
      return cachepy::cli::stats(dir, json);
    if (*ls)
      return cachepy::cli::list(dir, json);
    if (*prune) {
      std::optional<std::uint64_t> bound;
      std::optional<double> days;
      if (max_size->count())
        bound = static_cast<std::uint64_t>(max_size_bytes);
      if (!days_old.empty() && !(days = cachepy::cli::parse_decimal(days_old)))
        throw std::runtime_error("--days-old: '" + days_old +
                                 "' is not a number of days like 30 or 0.5");
      if (!days && !bound)
        throw std::runtime_error("prune needs --days-old N and/or --max-size SIZE");
      return cachepy::cli::prune(dir, days, bound, dry_run, json);
    }
    if (*tree) {
      std::optional<unsigned> levels;
      if (!depth.empty() && !(levels = cachepy::cli::parse_depth(depth)))
        throw std::runtime_error("--depth: '" + depth + "' is not a number of levels like 3");
      return cachepy::cli::tree(dir, dot, levels, json);
    }
    if (*verify)
      return cachepy::cli::verify(dir, fix, json);
    if (*clear)
      return cachepy::cli::clear(dir, only->count() ? std::optional(function) : std::nullopt,
                                 json);
  } catch (const std::exception &error) {
    std::fprintf(stderr, "cachepy: error: %s\n", error.what());
    return 1;
  }
  return 0;
}
