#ifndef CACHEPY_CLI_COMMANDS_HPP
#define CACHEPY_CLI_COMMANDS_HPP

// One function per `cachepy` command. Each prints a table, or JSON with `json`, and
// returns the process exit code; a missing or foreign directory throws.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cachepy::cli {

int stats(const std::string &dir, bool json);
int list(const std::string &dir, bool json);
int prune(const std::string &dir, std::optional<double> days_old,
          std::optional<std::uint64_t> max_bytes, bool dry_run, bool json);
int tree(const std::string &dir, bool dot, std::optional<unsigned> depth, bool json);
int verify(const std::string &dir, bool fix, bool json);
// All functions' entries, or only those of `function` (which must not be empty).
int clear(const std::string &dir, const std::optional<std::string> &function, bool json);

// The remotes `stats|ls|clear --remote` work on: `url` when one is given, else those of
// $CACHEPY_REMOTE_STORAGE, else of $CACHEPY_CONFIG's remote_storage list (so that no
// password need be on a command line, which other users read in ps); none throws.
std::vector<std::string> chosen_remotes(const std::string &url);

// A remote's entry count and size (for stats and ls), or its entries removed after
// confirming on a terminal (or with `yes`); the URL is a remote_storage entry.
int remote_stats(const std::string &url, bool json);
int remote_clear(const std::string &url, bool yes, bool json);

// Options, read strictly: nullopt for anything else (hex, a sign or exponent, nan, inf).
// "30", "0.5" (days; the number before a size's unit).
std::optional<double> parse_decimal(std::string_view text);
// "3" (levels).
std::optional<unsigned> parse_depth(const std::string &text);

} // namespace cachepy::cli

#endif
