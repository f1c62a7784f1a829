#include "storage.hpp"

#include "failure_warnings.hpp"
#include "local/directory_trust.hpp"
#include "local/entry_format.hpp"
#include "local/miss_reason.hpp"


namespace cachepy::detail {

entry_storage::entry_storage(std::string_view cache_dir, const entry_id &id,
                             const settings &config, const remote_backend_list &remotes)
    : cache_dir_(cache_dir), id_(id), config_(config), local_(cache_dir, id), remotes_(remotes) {}

kept_value entry_storage::recall() noexcept {
  if (config_.memory_limit_bytes == 0)
    return {};
  try {
    bool refresh_due = false;
    kept_value kept = find_recent(cache_dir_, id_.k, refresh_due);
    if (refresh_due)
      local_.touch(); // once a day, as a disk hit refreshes it
    return kept;
  } catch (...) {
    return {};
  }
}

bool entry_storage::usable() noexcept {
  try {
    const std::string problem =
        cache_directory_problem(cache_dir_, id_.function_dir, config_.safe_directories);
    if (problem.empty())
      return true;
    storage_failure untrusted{storage_failure::kind::untrusted_directory, problem};
    // Only where listing the directory would allow it: never for a symbolic link as a
    // function directory, nor a NUL in the name.
    if (cache_directory_problem(cache_dir_, id_.function_dir, {"*"}).empty())
      untrusted.advice = allow_directory_hint;
    warn_once(untrusted, cache_dir_.substr(0, cache_dir_.find('\0')));
  } catch (...) {
  }
  return false;
}

void entry_storage::begin_load() noexcept { generation_ = recent_generation(); }

void entry_storage::remember(std::uint64_t size, bool computed, const void *type,
                             function_ref<std::shared_ptr<const void>()> copy) noexcept {
  const std::size_t limit = config_.memory_limit_bytes;
  if (limit == 0)
    return;
  try {
    if (worth_keeping(cache_dir_, id_.k, size, limit, computed))
      keep_recent(cache_dir_, id_.k, kept_value{copy(), type, hits()}, size, limit,
                  generation_);
  } catch (...) {
    // Keeping is an optimization.
  }
}

void entry_storage::forget() noexcept {
  try {
    generation_ = forget_recent(cache_dir_, id_.k);
  } catch (...) {
  }
}

void entry_storage::warn(const std::optional<storage_failure> &failure) const noexcept {
  if (!failure)
    return;
  try {
    const entry_address &where = local_.address();
    warn_once(*failure, failure->what == storage_failure::kind::damaged_entry ? where.file
                                                                              : where.directory);
  } catch (...) {
  }
}

void entry_storage::warn(const std::optional<storage_failure> &failure,
                         const remote_backend &remote) noexcept {
  if (!failure)
    return;
  try {
    warn_once(*failure, remote.name());
  } catch (...) {
  }
}

loaded entry_storage::load(payload_reader read, std::uint64_t max_age_seconds) noexcept {
  loaded local = local_.read(read, max_age_seconds);
  if (local.result == load_result::damaged)
    warn(storage_failure{storage_failure::kind::damaged_entry, local.problem});
  if (local.result == load_result::hit || local.result == load_result::unreadable)
    return local;
  for (std::size_t i = 0; i < remotes_.size(); ++i) {
    remote_backend &remote = *remotes_[i];
    if (i < leased_.size() && leased_[i])
      continue;
    const storage_outcome<std::optional<std::string>> entry = remote.load(id_);
    warn(entry.failure, remote);
    if (!entry.value)
      continue;
    // Decoded from the bytes in hand, once checked; the local copy is for the next call.
    loaded fetched = read_entry_from(*entry.value, id_.k, id_.format, read, max_age_seconds);
    if (fetched.result == load_result::damaged)
      warn(storage_failure{storage_failure::kind::damaged_entry, fetched.problem}, remote);
    if (fetched.result != load_result::hit)
      continue;
    warn(local_.write_bytes(*entry.value, durability::none));
    try {
      fetched.remote = remote.name();
    } catch (...) {
    }
    return fetched;
  }
  return local;
}

std::optional<std::uint64_t> entry_storage::save(payload_writer write, durability level) {
  if (remotes_.empty()) {
    const storage_outcome<std::uint64_t> stored = local_.write(write, level);
    warn(stored.failure);
    return stored.failure ? std::nullopt : std::optional<std::uint64_t>(stored.value);
  }
  // Encoded once, in memory: the remotes get the bytes encoded here, never the local
  // file read back (whoever can write in the directory could have replaced it).
  const std::string entry = encode_entry(id_.k, id_.format, write);
  if (const std::optional<storage_failure> failure = local_.write_bytes(entry, level)) {
    warn(failure);
    return std::nullopt;
  }
  for (const std::unique_ptr<remote_backend> &remote : remotes_)
    warn(remote->save(id_, entry).failure, *remote);
  return entry.size() - sizeof(entry_header);
}

storage_lock entry_storage::lock(std::chrono::milliseconds timeout) noexcept {
  storage_lock held;
  lock_outcome local = local_.lock(timeout);
  warn(local.failure);
  held.local = std::move(local.value);
  try {
    leased_.assign(remotes_.size(), false);
  } catch (...) {
  }
  for (std::size_t i = 0; i < remotes_.size(); ++i) {
    lock_outcome taken = remotes_[i]->lock(id_, timeout);
    warn(taken.failure, *remotes_[i]);
    if (taken.value)
      try {
        held.remote.push_back(std::move(taken.value));
        if (i < leased_.size())
          leased_[i] = true;
      } catch (...) {
      }
  }
  return held;
}

hit_count *entry_storage::hits() noexcept { return local_.hits(); }

std::string entry_storage::miss_reason(const function_site &site, const key &context) const {
  return detail::miss_reason(site, local_.address().directory, context);
}

void entry_storage::note_stored(const function_site &site, const key &context) noexcept {
  try {
    detail::note_stored(site, local_.address().directory, context);
  } catch (...) {
  }
}

std::string entry_storage::name() const { return local_.address().file; }

} // namespace cachepy::detail
