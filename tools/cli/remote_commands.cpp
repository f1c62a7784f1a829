// `cachepy stats|ls|clear --remote [URL]`: a remote's entries, counted or removed.

#include "commands.hpp"
#include "json_writer.hpp"

#include "util/environment_variables.hpp"
#include "storage/remote/signed_remote.hpp"

#include <cachepy/api.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <unistd.h>

namespace cachepy::cli {
namespace {

struct opened_remote {
  detail::remote_url url;
  std::unique_ptr<detail::remote_client> storage;
};

opened_remote open_remote(const std::string &spec) {
  detail::storage_outcome<std::optional<detail::remote_url>> parsed =
      detail::parse_remote_url(spec);
  if (!parsed.value) // the failure names it without credentials
    throw std::runtime_error("remote storage " + parsed.failure->detail);
  opened_remote remote{*parsed.value, detail::make_remote_client(*parsed.value)};
  return remote;
}

detail::remote_usage usage_of(const opened_remote &remote) {
  detail::storage_outcome<detail::remote_usage> usage = remote.storage->usage();
  if (usage.failure)
    throw std::runtime_error(remote.url.shown + ": " + usage.failure->detail);
  return usage.value;
}

// On a terminal, asks; elsewhere only --yes confirms.
bool confirmed(const std::string &question, bool yes) {
  if (yes)
    return true;
  if (!::isatty(STDIN_FILENO))
    throw std::runtime_error("not clearing a remote without a terminal to confirm on: add --yes");
  std::fprintf(stderr, "%s [y/N] ", question.c_str());
  std::string answer;
  std::getline(std::cin, answer);
  return answer == "y" || answer == "yes";
}

} // namespace

std::vector<std::string> chosen_remotes(const std::string &url) {
  if (!url.empty())
    return {url};
  const char *listed = std::getenv(detail::env_name(detail::env_setting::remote_storage));
  const char *path = std::getenv(detail::env_name(detail::env_setting::config));
  const std::vector<std::string> specs = detail::remote_specs(
      listed, !listed && path && *path ? load_config(path).remote_storage
                                       : std::vector<std::string>{});
  if (specs.empty())
    throw std::runtime_error("no remote: give --remote URL, or set CACHEPY_REMOTE_STORAGE, or "
                             "remote_storage in the file $CACHEPY_CONFIG names");
  return specs;
}

int remote_stats(const std::string &spec, bool json) {
  const opened_remote remote = open_remote(spec);
  const detail::remote_usage usage = usage_of(remote);
  const double megabytes = static_cast<double>(usage.bytes) / (1024.0 * 1024.0);
  if (json)
    print_json([&](json_writer &out) {
      out.StartObject();
      out.Key("remote");
      write_string(out, remote.url.shown);
      out.Key("n_entries");
      out.Uint64(usage.entries);
      out.Key("total_size_mb");
      out.Double(megabytes);
      out.EndObject();
    });
  else
    std::printf("remote     %s\nentries    %llu\nsize       %.3f MB\n", remote.url.shown.c_str(),
                static_cast<unsigned long long>(usage.entries), megabytes);
  return 0;
}

int remote_clear(const std::string &spec, bool yes, bool json) {
  const opened_remote remote = open_remote(spec);
  const detail::remote_usage usage = usage_of(remote);
  if (!confirmed("remove " + std::to_string(usage.entries) + " entries from " +
                     remote.url.shown + "?",
                 yes)) {
    std::printf("nothing removed\n");
    return 1;
  }
  const detail::storage_outcome<std::uint64_t> cleared = remote.storage->clear();
  if (cleared.failure)
    throw std::runtime_error(remote.url.shown + ": " + cleared.failure->detail);
  const std::uint64_t removed = cleared.value;
  if (json)
    print_json([&](json_writer &out) {
      out.StartObject();
      out.Key("removed_entries");
      out.Uint64(removed);
      out.EndObject();
    });
  else
    std::printf("removed %llu entries from %s\n", static_cast<unsigned long long>(removed),
                remote.url.shown.c_str());
  return 0;
}

} // namespace cachepy::cli
