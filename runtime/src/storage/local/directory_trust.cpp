#include "directory_trust.hpp"

#include "layout.hpp"

#include <climits>
#include <cstdlib>
#include <unistd.h>

namespace cachepy::detail {
namespace {

std::string real_path(const std::string &path) {
  char resolved[PATH_MAX];
  return ::realpath(path.c_str(), resolved) ? std::string(resolved) : path;
}

// One level: the cache directory (which may be a symbolic link of the user's, and whose
// sticky bit protects what is in it: another user's function directory is then refused
// as theirs), or a function directory (never a link; entries are created by name, so a
// sticky bit would not stop someone else creating one first).
std::string level_problem(const std::string &directory, bool is_cache_dir) {
  struct stat info;
  if (::lstat(directory.c_str(), &info) != 0)
    return {}; // absent, or unreachable: the open that follows reports it
  if (S_ISLNK(info.st_mode)) {
    if (!is_cache_dir)
      return directory + " is a symbolic link";
    if (info.st_uid != ::geteuid())
      return directory + " is a symbolic link owned by another user (uid " +
             std::to_string(info.st_uid) + ")";
    if (::stat(directory.c_str(), &info) != 0)
      return {};
  }
  if (!S_ISDIR(info.st_mode))
    return {}; // creating in it fails, with its own warning
  if (!is_cache_dir)
    info.st_mode &= ~S_ISVTX;
  const std::string problem = ownership_problem(info);
  return problem.empty() ? problem : directory + " " + problem;
}

} // namespace

const char *const allow_directory_hint =
    "if it is shared on purpose, list it in safe_directories (the configuration) "
    "or in CACHEPY_SAFE_DIRECTORIES";

std::string ownership_problem(const struct stat &info) {
  if (info.st_uid != ::geteuid())
    return "is owned by another user (uid " + std::to_string(info.st_uid) + ")";
  if (info.st_mode & S_ISVTX)
    return {}; // like /tmp: no one removes or renames what another user made
  if (info.st_mode & S_IWOTH)
    return "is writable by every user";
  if ((info.st_mode & S_IWGRP) && info.st_gid != ::getegid())
    return "is writable by the users of group " + std::to_string(info.st_gid);
  return {};
}

bool is_listed_safe(const std::string &directory, const std::vector<std::string> &safe) {
  if (safe.empty())
    return false;
  const std::string real = real_path(directory);
  for (const std::string &listed : safe)
    if (listed == "*" || (!listed.empty() && real_path(listed) == real))
      return true;
  return false;
}

std::string cache_directory_problem(std::string_view cache_dir, std::string_view function_dir,
                                    const std::vector<std::string> &safe) {
  // Every path is handed to the system as a C string: a NUL would cut it short, into
  // some other directory.
  if (cache_dir.find('\0') != std::string_view::npos)
    return "the cache directory's name holds a NUL character";
  const std::string cache(cache_dir);
  const std::string function = layout::function_directory(cache_dir, function_dir);
  struct stat info;
  if (::lstat(function.c_str(), &info) == 0 && S_ISLNK(info.st_mode))
    return function + " is a symbolic link"; // even where listed: never followed
  std::string problem = level_problem(cache, true);
  if (problem.empty())
    problem = level_problem(function, false);
  if (!problem.empty() && is_listed_safe(cache, safe))
    return {};
  return problem;
}

} // namespace cachepy::detail
