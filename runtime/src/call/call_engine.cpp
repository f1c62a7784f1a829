#include <cachepy/detail/call_engine.hpp>

#include <cachepy/detail/call_graph.hpp>
#include <cachepy/detail/call_mode.hpp>
#include <cachepy/detail/entry_lock.hpp>
#include <cachepy/detail/hit_counter.hpp>
#include <cachepy/detail/logging.hpp>
#include <cachepy/detail/miss_reason.hpp>
#include <cachepy/detail/recent_results.hpp>
#include <cachepy/detail/settings.hpp>
#include <cachepy/detail/store.hpp>

#include <exception>
#include <fcntl.h>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <sys/stat.h>

namespace cachepy::detail {

namespace {

backend format_of(backend_choice choice, const settings &config) {
  switch (choice) {
  case backend_choice::binary:
    return backend::binary;
  case backend_choice::portable_binary:
    return backend::portable_binary;
  case backend_choice::json:
    return backend::json;
  case backend_choice::configured:
    break;
  }
  return config.format;
}

// One call, from its key to its filled slot.
class cached_call {
public:
  cached_call(const function_site &site, std::string_view cache_dir, const key &k,
              const key &context, backend format, const settings &config,
              const result_ops &ops, void *call)
      : site_(site), cache_dir_(cache_dir), k_(k), context_(context), format_(format),
        config_(config), ops_(ops), call_(call),
        verbose_(site.verbose || config.verbose),
        max_age_seconds_(site.max_age_seconds ? site.max_age_seconds : config.max_age_seconds) {}

  // A value this process kept: no file is touched.
  bool from_memory() {
    if (!uses_memory())
      return false;
    std::string refresh;
    const kept_value kept = find_recent(cache_dir_, k_, refresh);
    if (!refresh.empty())
      ::utimensat(AT_FDCWD, refresh.c_str(), nullptr, 0); // a use, as a disk hit is
    if (!kept.value || kept.type != ops_.type)
      return false;
    ops_.restore(call_, kept.value.get());
    count_hit(kept.hits);
    register_repeated_call(site_, k_, cache_dir_);
    if (verbose_)
      log_event(site_, k_, "hit");
    return true;
  }

  void from_disk_or_run(call_mode mode) {
    const call_graph_node node(site_, k_, cache_dir_);
    generation_ = recent_generation();
    const entry_address where = address_of(cache_dir_, site_.directory_name(), k_);
    if (mode != call_mode::force && from_disk(where))
      return;

    // A miss: one thread or process computes, the others wait and then read.
    const entry_lock computing = entry_lock::acquire(where, config_.lock_timeout_seconds);
    if (mode != call_mode::force && from_disk(where)) // a peer computed it meanwhile
      return;
    if (verbose_)
      log_event(site_, k_, "miss (" + reason_ + "), executing");
    {
      const auto running = node.executing();
      ops_.run_body(call_);
    }
    if (mode != call_mode::skip_save)
      store(where, mode);
  }

private:
  bool from_disk(const entry_address &where) {
    const loaded entry = load_entry(
        where, k_, format_,
        [&](std::istream &in, std::uint64_t payload_size) {
          ops_.decode(call_, format_, in, payload_size);
        },
        max_age_seconds_);
    switch (entry.result) {
    case load_result::hit: {
      hit_count *hits = hit_count_of(where);
      count_hit(hits);
      keep(where, entry.payload_size, hits);
      if (verbose_)
        log_event(site_, k_, "hit");
      return true;
    }
    case load_result::unreadable:
      log_warning_once("decode:" + where.file, "unreadable entry " + where.file + " (" +
                                                   entry.problem + "); recomputing");
      reason_ = "unreadable entry";
      return false;
    case load_result::damaged:
      reason_ = "damaged entry";
      return false;
    case load_result::expired:
      reason_ = "expired";
      return false;
    case load_result::absent:
      if (verbose_)
        reason_ = miss_reason(site_, where.directory, context_);
      return false;
    }
    return false;
  }

  void store(const entry_address &where, call_mode mode) {
    std::optional<std::uint64_t> size;
    try {
      size = save_entry(
          where, k_, format_,
          [&](std::ostream &out) { ops_.encode(call_, format_, out); }, config_.sync);
    } catch (const std::exception &error) {
      log_warning("cannot serialize the result of " + std::string(site_.qualified_name) + ": " +
                  error.what());
    }
    // Forgotten once the new entry is in place: a call of this process that read the
    // old one took the generation before this, and cannot keep what it read.
    if (mode == call_mode::force)
      generation_ = forget_recent(cache_dir_, k_);
    if (!size)
      return;
    note_stored(site_, where.directory, context_);
    keep(where, *size, hit_count_of(where));
  }

  // Never fails the call: keeping is an optimization.
  void keep(const entry_address &where, std::uint64_t size, hit_count *hits) noexcept {
    const std::size_t limit = config_.memory_limit_bytes;
    if (!uses_memory())
      return;
    try {
      if (worth_keeping(cache_dir_, k_, size, limit))
        keep_recent(cache_dir_, k_,
                    kept_value{std::shared_ptr<const void>(ops_.keep(call_), ops_.forget),
                               ops_.type, hits},
                    where.file,
                    size, limit, generation_);
    } catch (...) {
    }
  }

  // A kept value does not know its entry's age: results that expire are read from disk.
  bool uses_memory() const {
    return config_.memory_limit_bytes != 0 && ops_.keep && max_age_seconds_ == 0;
  }

  const function_site &site_;
  std::string_view cache_dir_;
  key k_;
  key context_;
  backend format_;
  const settings &config_;
  const result_ops &ops_;
  void *call_;
  bool verbose_;
  std::uint64_t max_age_seconds_;
  std::uint64_t generation_ = 0;
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

void run_cached_call(const function_site &site, const cache_dir_arg &dir,
                     const key &dependencies, const key &arguments, backend_choice choice,
                     const result_ops &ops, void *call) {
  const call_mode mode = take_call_mode();
  const settings &config = current_settings();
  const backend format = format_of(choice, config);
  const key context = derive_key(site.hash, static_cast<std::uint32_t>(format), dependencies,
                                 config_env_hash(config));
  cached_call cached(site, dir.resolve(config.default_cache_dir), derive_key(context, arguments),
                     context, format, config, ops, call);
  if (mode != call_mode::force && cached.from_memory())
    return;
  cached.from_disk_or_run(mode);
}

} // namespace cachepy::detail
