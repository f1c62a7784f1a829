#include <cachepy/detail/call_engine.hpp>

#include "../util/fresh_pages.hpp"
#include "../storage/storage.hpp"

#include <cachepy/detail/call_mode.hpp>

#include "../graph/call_graph.hpp"
#include "../logging/logging.hpp"
#include "../config/settings.hpp"

#include <exception>
#include <istream>
#include <optional>
#include <ostream>
#include <string>

namespace cachepy::detail {

namespace {

value_format format_of(format_choice choice, const settings &config) {
  switch (choice) {
  case format_choice::binary:
    return value_format::binary;
  case format_choice::portable_binary:
    return value_format::portable_binary;
  case format_choice::json:
    return value_format::json;
  case format_choice::configured:
    break;
  }
  return config.format;
}

// One call, from its key to its filled slot: memory, storage, lock, storage, run,
// save, keep.
class cached_call {
public:
  cached_call(const function_site &site, std::string_view cache_dir, const key &k,
              const key &context, value_format format, const settings &config,
              const result_ops &ops, void *call)
      : site_(site), cache_dir_(cache_dir), k_(k), context_(context), format_(format),
        config_(config), ops_(ops), call_(call), verbose_(site.verbose || config.verbose),
        max_age_seconds_(site.max_age_seconds ? site.max_age_seconds : config.max_age_seconds),
        storage_(cache_dir, entry_id{site.directory_name(), k, format}, config,
                 remote_backends(config)) {}

  // A value this process kept: no file is read.
  bool from_memory() {
    if (!uses_memory())
      return false;
    const kept_value kept = storage_.recall();
    if (!kept.value || kept.type != ops_.type)
      return false;
    ops_.restore(call_, kept.value.get());
    count_hit(kept.hits);
    register_repeated_call(site_, k_, cache_dir_);
    if (verbose_) // kept under the directory as given: a chdir since may name another one
      log_event(site_, k_, "hit in memory");
    return true;
  }

  void from_storage_or_run(call_mode mode) {
    if (!storage_.usable()) // another user's directory: a warning said so
      return ops_.run_body(call_);
    const call_graph_node node(site_, k_, cache_dir_);
    storage_.begin_load();
    if (mode != call_mode::force && from_storage())
      return;

    // A miss: one thread or process computes, the others wait and then read.
    const storage_lock computing = storage_.lock(config_.lock_timeout);
    // Locking made the directories that were missing, unless another user came first.
    const bool usable = storage_.usable();
    if (usable && mode != call_mode::force && from_storage()) // a peer computed it meanwhile
      return;
    if (verbose_)
      log_event(site_, k_,
                "miss (" + reason_ + ") in " + shown_directory(cache_dir_) + ", executing");
    {
      const auto running = node.executing();
      ops_.run_body(call_);
    }
    if (usable && mode != call_mode::skip_save)
      store(mode);
  }

private:
  bool from_storage() {
    const loaded entry = storage_.load([&](std::istream &in, std::uint64_t payload_size) {
      ops_.decode(call_, format_, in, payload_size);
    }, max_age_seconds_);
    switch (entry.result) {
    case load_result::hit: {
      hit_count *hits = storage_.hits();
      count_hit(hits);
      keep(entry.payload_size, false);
      if (verbose_)
        log_event(site_, k_,
                  entry.remote.empty()
                      ? "hit in " + shown_directory(cache_dir_)
                      : "hit in " + entry.remote + ", now kept in " + shown_directory(cache_dir_));
      return true;
    }
    case load_result::unreadable: {
      const std::string name = storage_.name();
      log_warning_once("decode:" + name,
                       "unreadable entry " + name + " (" + entry.problem + "); recomputing");
      reason_ = "unreadable entry";
      return false;
    }
    case load_result::damaged:
      reason_ = "damaged entry";
      return false;
    case load_result::expired:
      reason_ = "expired";
      return false;
    case load_result::absent:
      if (verbose_)
        reason_ = storage_.miss_reason(site_, context_);
      return false;
    }
    return false;
  }

  void store(call_mode mode) {
    std::optional<std::uint64_t> size;
    try {
      size = storage_.save([&](std::ostream &out) { ops_.encode(call_, format_, out); },
                           config_.sync);
    } catch (const std::exception &error) {
      log_warning("cannot serialize the result of " + std::string(site_.qualified_name) + ": " +
                  error.what());
    }
    // Forgotten once the new entry is in place: a call of this process that read the
    // old one took the generation before this, and cannot keep what it read.
    if (mode == call_mode::force)
      storage_.forget();
    if (!size)
      return;
    storage_.note_stored(site_, context_);
    keep(*size, true);
  }

  // Never fails the call: keeping is an optimization.
  void keep(std::uint64_t size, bool computed) noexcept {
    if (!uses_memory())
      return;
    std::shared_ptr<const void> kept;
    storage_.remember(size, computed, ops_.type, [&] {
      kept = std::shared_ptr<const void>(ops_.keep(call_), ops_.forget);
      return kept;
    });
    if (kept && computed && ops_.array && size >= large_bytes)
      hand_out_copy(kept.get());
  }

  // A large array the body computed is handed out as a hit's is, a copy of the kept one
  // in huge pages, and the body's freed: the memory the caller frees is then what the
  // next hit gets back. Memory fresh from the system may be dear to fault in (a virtual
  // machine's host may have taken it back): a miss then five hits, each freed before
  // the next, had a first hit of 70-190 ms in 3 turns of 14 that way, none this way.
  void hand_out_copy(const void *kept) noexcept {
    try {
      ops_.restore(call_, kept);
    } catch (...) { // no memory for the copy: the body's result stays
    }
  }

  // A kept value does not know its entry's age: results that expire are read from disk.
  // (The memory limit, 0 for off, is the storage facade's to apply.)
  bool uses_memory() const { return ops_.keep && max_age_seconds_ == 0; }

  const function_site &site_;
  std::string_view cache_dir_;
  key k_;
  key context_;
  value_format format_;
  const settings &config_;
  const result_ops &ops_;
  void *call_;
  bool verbose_;
  std::uint64_t max_age_seconds_;
  entry_storage storage_;
  std::string reason_ = "forced";
};

} // namespace

bool hash_arguments(const function_site &site, const call_context &context,
                    function_ref<void(value_writer &)> feed, key &arguments) noexcept {
  auto uncached = [&](const char *before, const char *after, const std::string &problem) {
    const std::string name(site.qualified_name);
    log_warning_once("hash:" + name, "cannot hash " + (before + name) + after + " (" +
                                         problem + "); running it uncached");
    return false;
  };
  if (!context.problem.empty())
    return uncached("what ", " depends on", context.problem);
  const call_context hashed = hash_context(feed);
  if (!hashed.problem.empty())
    return uncached("the arguments of ", "", hashed.problem);
  arguments = hashed.hash;
  return true;
}

bool caching_disabled() { return current_settings().disabled; }

void run_cached_call(const function_site &site, const cache_dir_arg &dir,
                     const key &dependencies, const key &arguments, format_choice choice,
                     const result_ops &ops, void *call) {
  const call_mode mode = take_call_mode();
  const settings &config = current_settings();
  const value_format format = format_of(choice, config);
  const key context = derive_key(site.hash, static_cast<std::uint32_t>(format), dependencies,
                                 config_env_hash(config));
  cached_call cached(site, dir.resolve(config.default_cache_dir), derive_key(context, arguments),
                     context, format, config, ops, call);
  if (mode != call_mode::force && cached.from_memory())
    return;
  cached.from_storage_or_run(mode);
}

} // namespace cachepy::detail
