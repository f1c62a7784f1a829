#include "redis_storage.hpp"

#include <hiredis/hiredis.h>

#include <sys/time.h>
#include <vector>

namespace cachepy::detail {
namespace {

timeval milliseconds(int ms) { return timeval{ms / 1000, (ms % 1000) * 1000}; }

// Deletes the lock only while it is still ours: a lease that expired and was taken by
// another machine is not ours to release.
constexpr const char *unlock_script =
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) "
    "else return 0 end";
constexpr const char *renew_script =
    "if redis.call('get', KEYS[1]) == ARGV[1] then "
    "return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

// A value's name is its key's 32 hex digits; chunks and locks add a suffix.
bool is_entry_name(std::string_view name) { return name.size() == 32; }

redisReply *send(redisContext *context, std::initializer_list<std::string_view> args) {
  std::vector<const char *> argv;
  std::vector<std::size_t> lengths;
  for (std::string_view arg : args) {
    argv.push_back(arg.data());
    lengths.push_back(arg.size());
  }
  return static_cast<redisReply *>(
      redisCommandArgv(context, static_cast<int>(argv.size()), argv.data(), lengths.data()));
}

} // namespace

void redis_storage::reply_deleter::operator()(redisReply *reply) const {
  freeReplyObject(reply);
}

redis_storage::redis_storage(remote_url url) : url_(std::move(url)) {}

redis_storage::~redis_storage() {
  if (context_)
    redisFree(context_);
}

std::string redis_storage::full_name(const std::string &name) const {
  return url_.key_prefix + ":" + name;
}

bool redis_storage::connect(std::string &problem) {
  const timeval connect_timeout = milliseconds(url_.connect_timeout_ms);
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
  redisSetTimeout(context_, milliseconds(url_.operation_timeout_ms));
  redisContext *connected = context_;
  context_ = nullptr; // command() below must not reconnect
  auto setup = [&](std::initializer_list<std::string_view> args) {
    const reply_ptr reply(send(connected, args));
    return reply && reply->type != REDIS_REPLY_ERROR;
  };
  const std::string database = std::to_string(url_.database);
  if (!url_.password.empty() &&
      !(url_.user.empty() ? setup({"AUTH", url_.password})
                          : setup({"AUTH", url_.user, url_.password}))) {
    problem = "the server refused the password";
  } else if (url_.database != 0 && !setup({"SELECT", database})) {
    problem = "cannot select database " + database;
  } else if (connected->err) {
    problem = connected->errstr;
  } else {
    context_ = connected;
    return true;
  }
  redisFree(connected);
  return false;
}

redis_storage::reply_ptr redis_storage::command(std::initializer_list<std::string_view> args,
                                                std::string &problem) {
  if (!context_ && !connect(problem))
    return nullptr;
  reply_ptr reply(send(context_, args));
  if (!reply) {
    // A timeout or a broken connection leaves the protocol out of step: start afresh.
    problem = context_->err ? context_->errstr : "no reply";
    if (problem.empty() || problem == "Resource temporarily unavailable")
      problem = "no reply within the operation timeout";
    redisFree(context_);
    context_ = nullptr;
    return nullptr;
  }
  if (reply->type == REDIS_REPLY_ERROR) {
    problem = std::string(reply->str, reply->len);
    return nullptr;
  }
  return reply;
}

remote_reply redis_storage::get(const std::string &name) {
  std::lock_guard<std::mutex> lock(mutex_);
  remote_reply result;
  const std::string full = full_name(name);
  const reply_ptr reply = command({"GET", full}, result.problem);
  if (!reply)
    return result;
  if (reply->type == REDIS_REPLY_NIL) {
    result.status = remote_status::missing;
  } else if (reply->type == REDIS_REPLY_STRING) {
    result.status = remote_status::ok;
    result.bytes.assign(reply->str, reply->len);
  } else {
    result.problem = "unexpected reply to GET";
  }
  return result;
}

remote_reply redis_storage::put(const std::string &name, std::string_view bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  remote_reply result;
  const std::string full = full_name(name);
  if (command({"SET", full, bytes}, result.problem))
    result.status = remote_status::ok;
  return result;
}

bool redis_storage::exists(const std::string &name) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string problem;
  const std::string full = full_name(name);
  const reply_ptr reply = command({"EXISTS", full}, problem);
  return reply && reply->type == REDIS_REPLY_INTEGER && reply->integer == 1;
}

lock_status redis_storage::try_lock(const std::string &name, const std::string &token,
                                    int lease_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string problem;
  const std::string full = full_name(name), lease = std::to_string(lease_ms);
  const reply_ptr reply = command({"SET", full, token, "NX", "PX", lease}, problem);
  if (!reply)
    return lock_status::failed;
  return reply->type == REDIS_REPLY_NIL ? lock_status::held : lock_status::taken;
}

bool redis_storage::renew(const std::string &name, const std::string &token, int lease_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string problem;
  const std::string full = full_name(name), lease = std::to_string(lease_ms);
  const reply_ptr reply = command({"EVAL", renew_script, "1", full, token, lease}, problem);
  return reply && reply->type == REDIS_REPLY_INTEGER && reply->integer == 1;
}

void redis_storage::unlock(const std::string &name, const std::string &token) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string problem;
  const std::string full = full_name(name);
  command({"EVAL", unlock_script, "1", full, token}, problem);
}

bool redis_storage::each_key(std::string_view per_key,
                             const std::function<void(const redisReply &, bool entry)> &visit,
                             std::string &problem) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::string pattern = url_.key_prefix + ":*";
  std::vector<std::string> keys;
  std::string cursor = "0";
  do {
    const reply_ptr reply = command({"SCAN", cursor, "MATCH", pattern, "COUNT", "1000"}, problem);
    if (!reply || reply->type != REDIS_REPLY_ARRAY || reply->elements != 2)
      return false;
    cursor.assign(reply->element[0]->str, reply->element[0]->len);
    const redisReply *found = reply->element[1];
    for (std::size_t i = 0; i < found->elements; ++i)
      keys.emplace_back(found->element[i]->str, found->element[i]->len);
  } while (cursor != "0");
  for (const std::string &full : keys) {
    const reply_ptr reply = command({per_key, full}, problem);
    if (!reply)
      return false;
    visit(*reply, is_entry_name(std::string_view(full).substr(url_.key_prefix.size() + 1)));
  }
  return true;
}

bool redis_storage::usage(remote_usage &usage, std::string &problem) {
  return each_key("STRLEN", [&](const redisReply &length, bool entry) {
    usage.bytes += static_cast<std::uint64_t>(length.integer);
    usage.entries += entry ? 1 : 0;
  }, problem);
}

bool redis_storage::clear(std::uint64_t &removed, std::string &problem) {
  return each_key("DEL", [&](const redisReply &, bool entry) { removed += entry ? 1 : 0; },
                  problem);
}

} // namespace cachepy::detail
