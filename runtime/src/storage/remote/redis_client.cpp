#include "redis_client.hpp"

#include "../../util/fresh_pages.hpp"

#include <hiredis/hiredis.h>

#include <chrono>
#include <fcntl.h>
#include <poll.h>
#include <sys/time.h>
#include <vector>

namespace cachepy::detail {
namespace {

timeval as_timeval(std::chrono::milliseconds duration) {
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(duration);
  return timeval{static_cast<time_t>(seconds.count()),
                 static_cast<suseconds_t>((duration - seconds).count() * 1000)};
}

// Deletes the lock only while it is still ours: a lease that expired and was taken by
// another machine is not ours to release.
constexpr const char *unlock_script =
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) "
    "else return 0 end";
// Replaces the lease with its renewed form (a signed lease signs its expiry).
constexpr const char *renew_script =
    "if redis.call('get', KEYS[1]) == ARGV[1] then "
    "redis.call('set', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 else return 0 end";

// The names cachepy gives (signed_remote's record names): a key's 32 hex digits, then
// the secret's 16 when there is one; chunks and locks add ".<i>" or ".lock". Whether
// `name` is one, and whether it is a whole value's.
bool is_cachepy_name(std::string_view name, bool &entry) {
  auto hex = [&](std::size_t from, std::size_t count) {
    return name.size() >= from + count &&
           name.substr(from, count).find_first_not_of("0123456789abcdef") ==
               std::string_view::npos;
  };
  if (!hex(0, 32))
    return false;
  std::size_t end = 32;
  if (name.size() > end && name[end] == '-') {
    if (!hex(end + 1, 16))
      return false;
    end += 17;
  }
  entry = name.size() == end;
  const std::string_view suffix = name.substr(end);
  return entry || suffix == ".lock" ||
         (suffix.size() > 1 && suffix[0] == '.' &&
          suffix.find_first_not_of("0123456789", 1) == std::string_view::npos);
}

// A SCAN MATCH pattern for the keys under `prefix`, its glob characters escaped (the
// URL parser admits none, but a pattern is no place to trust that).
std::string keys_under(std::string_view prefix) {
  std::string pattern;
  for (const char c : prefix) {
    if (std::string_view("*?[]\\^").find(c) != std::string_view::npos)
      pattern += '\\';
    pattern += c;
  }
  return pattern + ":*";
}

// Replies ahead: sizes are a few bytes each; chunks are megabytes the server copies into
// its output buffer, so two keep the socket busy without holding many.
constexpr std::uint64_t size_window = 64, chunk_window = 2;

// What one reply may hold, so that a hostile server cannot make the client hold more:
// a bulk string's header and end around a value; any other reply but SCAN's is a few
// bytes; a SCAN page (COUNT 1000) is about a thousand key names.
constexpr std::uint64_t reply_overhead = 64, scan_reply = 16 << 20;
// No reply cachepy asks for has more elements than a SCAN page, nor arrays in arrays in
// arrays.
constexpr std::uint64_t most_elements = 16384;

using clock = std::chrono::steady_clock;

struct command_args {
  std::vector<const char *> argv;
  std::vector<std::size_t> lengths;
  explicit command_args(std::initializer_list<std::string_view> args) {
    for (std::string_view arg : args) {
      argv.push_back(arg.data());
      lengths.push_back(arg.size());
    }
  }
  int count() const { return static_cast<int>(argv.size()); }
};

// Where hiredis puts the next chunk: straight from its read buffer onto the end of the
// value, whose reserved memory is fresh, instead of into a reply object and then a
// string of its own.
struct chunk_target {
  std::string *value = nullptr;
  fresh_pages *pages = nullptr;
  std::uint64_t room = 0;
  std::uint64_t length = 0; // of the last bulk string; copied only if it filled `room`
};

} // namespace

// The reply functions hiredis builds replies with: its own, but each reply held to a
// budget of bytes and elements (refused past it, before hiredis allocates), and bulk
// strings sent to a chunk target while there is one.
struct redis_client::reply_guard {
  redisReplyObjectFunctions bounded{};
  redisReplyObjectFunctions *plain = nullptr; // hiredis's own
  std::uint64_t bound = 0, bytes_left = 0, elements_left = 0;
  std::string refused; // why the reply in progress was refused
  chunk_target *target = nullptr;

  void start(std::uint64_t reply_bound) {
    bound = bytes_left = reply_bound;
    elements_left = most_elements;
    refused.clear();
  }
  std::string larger() const { return "a reply larger than " + std::to_string(bound) + " bytes"; }
  static void *string(const redisReadTask *task, char *str, size_t len);
  static void *array(const redisReadTask *task, int elements);
};

void *redis_client::reply_guard::string(const redisReadTask *task, char *str, size_t len) {
  reply_guard &guard = *static_cast<reply_guard *>(task->privdata);
  if (len > guard.bytes_left) {
    guard.refused = guard.larger();
    return nullptr;
  }
  guard.bytes_left -= len;
  chunk_target *target = guard.target;
  if (!target || task->type != REDIS_REPLY_STRING || task->parent)
    return guard.plain->createString(task, str, len);
  target->length = len;
  if (len == target->room) {
    const std::size_t at = target->value->size();
    target->pages->before_writing(at, at + len);
    target->value->append(str, len);
  }
  return guard.plain->createString(task, str, 0); // an empty reply: the bytes are copied
}

void *redis_client::reply_guard::array(const redisReadTask *task, int elements) {
  reply_guard &guard = *static_cast<reply_guard *>(task->privdata);
  // Negative counts other than -1 (nil, never given here) wrap to huge ones.
  if (static_cast<std::uint64_t>(elements) > guard.elements_left) {
    guard.refused = "an array of " + std::to_string(elements) + " elements";
    return nullptr;
  }
  if (task->parent && task->parent->parent) {
    guard.refused = "arrays nested deeper than cachepy asks for";
    return nullptr;
  }
  guard.elements_left -= static_cast<std::uint64_t>(elements);
  return guard.plain->createArray(task, elements);
}

namespace {

// Sends the connection's bulk strings to `target` while it lives, and keeps hiredis's
// read buffer between replies (it would free and regrow it for every chunk).
class reader_redirect {
public:
  reader_redirect(redisContext *&context, chunk_target *&slot, chunk_target &target)
      : context_(context), slot_(slot), maxbuf_(context->reader->maxbuf) {
    slot_ = &target;
    context->reader->maxbuf = 0;
  }
  ~reader_redirect() {
    slot_ = nullptr;
    if (context_) // else closed meanwhile, reader and all
      context_->reader->maxbuf = maxbuf_;
  }
  reader_redirect(const reader_redirect &) = delete;
  reader_redirect &operator=(const reader_redirect &) = delete;

private:
  redisContext *&context_;
  chunk_target *&slot_;
  std::size_t maxbuf_;
};

// Waits until `fd` is ready for `events`, or the deadline has passed (false).
bool ready(int fd, short events, clock::time_point deadline) {
  for (;;) {
    const auto left =
        std::chrono::ceil<std::chrono::milliseconds>(deadline - clock::now()).count();
    if (left <= 0)
      return false;
    pollfd watched{fd, events, 0};
    const int n = ::poll(&watched, 1, static_cast<int>(left));
    if (n > 0)
      return true;
    if (n < 0 && errno != EINTR)
      return false;
  }
}

} // namespace

void redis_client::reply_deleter::operator()(redisReply *reply) const {
  freeReplyObject(reply);
}

redis_client::redis_client(remote_url url)
    : url_(std::move(url)), guard_(std::make_unique<reply_guard>()) {}

redis_client::~redis_client() {
  if (context_)
    redisFree(context_);
}

std::string redis_client::full_name(const std::string &name) const {
  return url_.key_prefix + ":" + name;
}

bool redis_client::connect(std::string &problem) {
  const timeval connect_timeout = as_timeval(url_.connect_timeout);
  context_ = url_.scheme == remote_scheme::redis_unix
                 ? redisConnectUnixWithTimeout(url_.socket_path.c_str(), connect_timeout)
                 : redisConnectWithTimeout(url_.host.c_str(), url_.port, connect_timeout);
  if (!context_ || context_->err) {
    problem = context_ ? std::string("cannot connect: ") + context_->errstr : "cannot connect";
    if (context_)
      redisFree(context_);
    context_ = nullptr;
    return false;
  }
  // Non-blocking from here on: read_reply waits with poll() up to one deadline per reply,
  // where a timeout per read (redisSetTimeout) never fires on a server dripping bytes.
  ::fcntl(context_->fd, F_SETFL, ::fcntl(context_->fd, F_GETFL) | O_NONBLOCK);
  context_->flags &= ~REDIS_BLOCK;
  guard_->plain = context_->reader->fn;
  guard_->bounded = *guard_->plain;
  guard_->bounded.createString = reply_guard::string;
  guard_->bounded.createArray = reply_guard::array;
  context_->reader->fn = &guard_->bounded;
  context_->reader->privdata = guard_.get();
  auto setup = [&](std::initializer_list<std::string_view> args) {
    const reply_ptr reply = exchange(args, small_reply, problem);
    return reply && reply->type != REDIS_REPLY_ERROR;
  };
  const std::string database = std::to_string(url_.database);
  if (!url_.password.empty() &&
      !(url_.user.empty() ? setup({"AUTH", url_.password})
                          : setup({"AUTH", url_.user, url_.password}))) {
    if (context_)
      problem = "the server refused the password";
  } else if (url_.database != 0 && !setup({"SELECT", database})) {
    if (context_)
      problem = "cannot select database " + database;
  } else {
    return true;
  }
  if (context_)
    redisFree(context_);
  context_ = nullptr;
  return false;
}

redis_client::reply_ptr redis_client::command(std::initializer_list<std::string_view> args,
                                                std::string &problem, std::uint64_t bound) {
  if (!context_ && !connect(problem))
    return nullptr;
  reply_ptr reply = exchange(args, bound, problem);
  if (reply && reply->type == REDIS_REPLY_ERROR) {
    problem = std::string(reply->str, reply->len);
    return nullptr;
  }
  return reply;
}

redis_client::reply_ptr redis_client::exchange(std::initializer_list<std::string_view> args,
                                                 std::uint64_t bound, std::string &problem) {
  command_args command(args);
  if (redisAppendCommandArgv(context_, command.count(), command.argv.data(),
                             command.lengths.data()) != REDIS_OK)
    return drop(context_->errstr, problem);
  return read_reply(bound, problem);
}

redis_client::reply_ptr redis_client::read_reply(std::uint64_t bound, std::string &problem) {
  const clock::time_point deadline =
      clock::now() + url_.operation_timeout;
  const char *too_slow = "no complete reply within the operation timeout";
  for (int sent = 0; !sent;) {
    if (redisBufferWrite(context_, &sent) != REDIS_OK)
      return drop(context_->errstr, problem);
    if (!sent && !ready(context_->fd, POLLOUT, deadline))
      return drop(too_slow, problem);
  }
  guard_->start(bound);
  for (;;) {
    void *reply = nullptr;
    if (redisGetReplyFromReader(context_, &reply) != REDIS_OK)
      return drop(guard_->refused.empty() ? context_->errstr : guard_->refused, problem);
    if (reply)
      return reply_ptr(static_cast<redisReply *>(reply));
    // Bytes not yet parsed: a bulk string is parsed only once all of it is here.
    if (context_->reader->len - context_->reader->pos > guard_->bytes_left)
      return drop(guard_->larger(), problem);
    if (!ready(context_->fd, POLLIN, deadline))
      return drop(too_slow, problem);
    if (redisBufferRead(context_) != REDIS_OK)
      return drop(context_->errstr, problem);
  }
}

redis_client::reply_ptr redis_client::drop(const std::string &why, std::string &problem) {
  problem = why.empty() ? "no reply" : why;
  redisFree(context_);
  context_ = nullptr;
  return nullptr;
}

bool redis_client::pipeline(const chunk_list &chunks, std::string_view verb,
                             std::uint64_t window,
                             const std::function<bool(std::uint64_t, const redisReply &)> &take,
                             std::string &problem) {
  bool taking = true;
  for (std::uint64_t sent = 0, received = 0; received < sent || (taking && sent < chunks.count);
       ++received) {
    for (; taking && sent < chunks.count && sent - received < window; ++sent) {
      const std::string full = full_name(chunks.chunk_name(sent)),
                        last = std::to_string(chunks.chunk_bytes(sent) - 1);
      command_args command = verb == "GETRANGE" ? command_args({verb, full, "0", last})
                                                : command_args({verb, full});
      if (redisAppendCommandArgv(context_, command.count(), command.argv.data(),
                                 command.lengths.data()) != REDIS_OK) {
        drop(context_->errstr, problem);
        return false;
      }
    }
    const reply_ptr reply = read_reply(
        verb == "GETRANGE" ? chunks.chunk_bytes(received) + reply_overhead : small_reply,
        problem);
    if (!reply)
      return false;
    if (taking && reply->type == REDIS_REPLY_ERROR)
      problem = std::string(reply->str, reply->len);
    taking = taking && problem.empty() && take(received, *reply);
  }
  return problem.empty();
}

remote_reply redis_client::get_chunks(const chunk_list &chunks, std::string &value) {
  std::lock_guard<std::mutex> lock(mutex_);
  remote_reply result;
  if (!context_ && !connect(result.problem))
    return result;
  result.status = remote_status::ok;
  auto settle = [&](remote_status status, const char *problem) {
    result.status = status;
    result.problem = problem;
    return false;
  };
  // Their sizes first: only bytes the server holds size the allocation below.
  auto sized = [&](std::uint64_t i, const redisReply &length) {
    if (length.type == REDIS_REPLY_INTEGER && length.integer == 0)
      return settle(remote_status::unusable, chunk_missing);
    if (length.type != REDIS_REPLY_INTEGER ||
        static_cast<std::uint64_t>(length.integer) != chunks.chunk_bytes(i))
      return settle(remote_status::damaged, chunk_wrong_size);
    return true;
  };
  std::string failure;
  if (!pipeline(chunks, "STRLEN", size_window, sized, failure)) {
    result.status = remote_status::failed;
    result.problem = failure;
  }
  if (!result.ok())
    return result;
  value.clear();
  value.reserve(chunks.total);
  fresh_pages pages(value.data(), chunks.total);
  chunk_target target;
  target.value = &value;
  target.pages = &pages;
  target.room = chunks.chunk_bytes(0);
  const reader_redirect redirect(context_, guard_->target, target);
  auto copied = [&](std::uint64_t i, const redisReply &chunk) {
    if (chunk.type == REDIS_REPLY_STRING && target.length == 0) // gone since its size was read
      return settle(remote_status::unusable, chunk_missing);
    if (chunk.type != REDIS_REPLY_STRING || target.length != target.room)
      return settle(remote_status::damaged, chunk_wrong_size);
    target.length = 0;
    target.room = i + 1 < chunks.count ? chunks.chunk_bytes(i + 1) : 0;
    return true;
  };
  // GETRANGE: a chunk grown since its size was read is still not sent past that size.
  if (!pipeline(chunks, "GETRANGE", chunk_window, copied, failure)) {
    result.status = remote_status::failed;
    result.problem = failure;
  }
  if (!result.ok())
    value.clear();
  return result;
}

// GETRANGE, not GET: the server sends at most limit + 1 bytes, so a larger value is
// known without being read. No value cachepy writes is empty: "" is a missing key.
remote_reply redis_client::get(const std::string &name, std::uint64_t limit) {
  std::lock_guard<std::mutex> lock(mutex_);
  remote_reply result;
  const std::string full = full_name(name), last = std::to_string(limit);
  const reply_ptr reply =
      command({"GETRANGE", full, "0", last}, result.problem, limit + 1 + reply_overhead);
  if (!reply)
    return result;
  if (reply->type != REDIS_REPLY_STRING) {
    result.problem = "unexpected reply to GETRANGE";
  } else if (reply->len == 0) {
    result.status = remote_status::missing;
  } else if (reply->len > limit) {
    result.status = remote_status::damaged;
    result.problem = "a value larger than " + last + " bytes";
  } else {
    result.status = remote_status::ok;
    result.bytes.assign(reply->str, reply->len);
  }
  return result;
}

remote_reply redis_client::put(const std::string &name, std::string_view bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  remote_reply result;
  const std::string full = full_name(name);
  if (command({"SET", full, bytes}, result.problem))
    result.status = remote_status::ok;
  return result;
}

bool redis_client::exists(const std::string &name) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string problem;
  const std::string full = full_name(name);
  const reply_ptr reply = command({"EXISTS", full}, problem);
  return reply && reply->type == REDIS_REPLY_INTEGER && reply->integer == 1;
}

lock_status redis_client::try_lock(const std::string &name, const std::string &token,
                                    std::chrono::milliseconds lease) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string problem;
  const std::string full = full_name(name), lease_ms = std::to_string(lease.count());
  const reply_ptr reply = command({"SET", full, token, "NX", "PX", lease_ms}, problem);
  if (!reply)
    return lock_status::failed;
  return reply->type == REDIS_REPLY_NIL ? lock_status::held : lock_status::taken;
}

bool redis_client::renew(const std::string &name, const std::string &token,
                          const std::string &renewed, std::chrono::milliseconds lease) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string problem;
  const std::string full = full_name(name), lease_ms = std::to_string(lease.count());
  const reply_ptr reply =
      command({"EVAL", renew_script, "1", full, token, renewed, lease_ms}, problem);
  return reply && reply->type == REDIS_REPLY_INTEGER && reply->integer == 1;
}

void redis_client::unlock(const std::string &name, const std::string &token) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string problem;
  const std::string full = full_name(name);
  command({"EVAL", unlock_script, "1", full, token}, problem);
}

bool redis_client::each_key(std::string_view per_key,
                             const std::function<void(const redisReply &, bool entry)> &visit,
                             std::string &problem) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string pattern = keys_under(url_.key_prefix);
  std::vector<std::string> keys;
  std::string cursor = "0";
  do {
    const reply_ptr reply =
        command({"SCAN", cursor, "MATCH", pattern, "COUNT", "1000"}, problem, scan_reply);
    if (!reply || reply->type != REDIS_REPLY_ARRAY || reply->elements != 2 ||
        reply->element[0]->type != REDIS_REPLY_STRING ||
        reply->element[1]->type != REDIS_REPLY_ARRAY) {
      if (problem.empty())
        problem = "unexpected reply to SCAN";
      return false;
    }
    cursor.assign(reply->element[0]->str, reply->element[0]->len);
    const redisReply *found = reply->element[1];
    for (std::size_t i = 0; i < found->elements; ++i)
      keys.emplace_back(found->element[i]->str, found->element[i]->len);
  } while (cursor != "0");
  for (const std::string &full : keys) {
    bool entry = false;
    const std::string under = url_.key_prefix + ":";
    const std::string_view key(full);
    // Checked, not trusted to MATCH: the server chose these keys.
    if (key.substr(0, under.size()) != under || !is_cachepy_name(key.substr(under.size()), entry))
      continue; // another application's key under the same prefix
    const reply_ptr reply = command({per_key, full}, problem);
    if (!reply)
      return false;
    visit(*reply, entry);
  }
  return true;
}

storage_outcome<remote_usage> redis_client::usage() {
  storage_outcome<remote_usage> counted;
  remote_usage &usage = counted.value;
  std::string problem;
  if (!each_key("STRLEN", [&](const redisReply &length, bool entry) {
        usage.bytes += static_cast<std::uint64_t>(length.integer);
        usage.entries += entry ? 1 : 0;
      }, problem))
    counted.failure = storage_failure{storage_failure::kind::remote_failed, std::move(problem)};
  return counted;
}

storage_outcome<std::uint64_t> redis_client::clear() {
  storage_outcome<std::uint64_t> removed;
  std::string problem;
  if (!each_key("DEL", [&](const redisReply &deleted, bool entry) {
        removed.value +=
            entry && deleted.type == REDIS_REPLY_INTEGER && deleted.integer == 1 ? 1 : 0;
      }, problem))
    removed.failure = storage_failure{storage_failure::kind::remote_failed, std::move(problem)};
  return removed;
}

} // namespace cachepy::detail
