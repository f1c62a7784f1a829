#ifndef CACHEPY_STORAGE_REMOTE_REDIS_CLIENT_HPP
#define CACHEPY_STORAGE_REMOTE_REDIS_CLIENT_HPP

// Redis (hiredis): a value is the key "<key-prefix>:<name>"; locks are SET NX PX with
// a token, renewed and released by Lua scripts that first compare the token.

#include "remote_client.hpp"
#include "remote_url.hpp"

#include <functional>
#include <initializer_list>
#include <memory>
#include <mutex>

struct redisContext;
struct redisReply;

namespace cachepy::detail {

class redis_client final : public remote_client {
public:
  explicit redis_client(remote_url url);
  ~redis_client() override;

  remote_reply get(const std::string &name, std::uint64_t limit) override;
  remote_reply put(const std::string &name, std::string_view bytes) override;
  // Pipelined: the chunks' sizes (STRLEN), then their bytes (GETRANGE, bounded by those
  // sizes), read from hiredis's buffer straight into the value.
  remote_reply get_chunks(const chunk_list &chunks, std::string &value) override;
  bool exists(const std::string &name) override;
  lock_status try_lock(const std::string &name, const std::string &token,
                       std::chrono::milliseconds lease) override;
  bool renew(const std::string &name, const std::string &token, const std::string &renewed,
             std::chrono::milliseconds lease) override;
  void unlock(const std::string &name, const std::string &token) override;
  storage_outcome<remote_usage> usage() override;
  storage_outcome<std::uint64_t> clear() override;

private:
  struct reply_deleter {
    void operator()(redisReply *reply) const;
  };
  using reply_ptr = std::unique_ptr<redisReply, reply_deleter>;

  struct reply_guard;
  // Any reply but a value's or a SCAN page's is a few bytes.
  static constexpr std::uint64_t small_reply = 64 << 10;

  // Runs one command on a connection made (and authenticated) on demand; a null
  // reply, with `problem` set, when the connection or the command failed.
  reply_ptr command(std::initializer_list<std::string_view> args, std::string &problem,
                    std::uint64_t bound = small_reply);
  bool connect(std::string &problem);
  // Sends `args` on the open connection and reads its reply (see read_reply).
  reply_ptr exchange(std::initializer_list<std::string_view> args, std::uint64_t bound,
                     std::string &problem);
  // Sends the commands appended, then reads the next reply: complete within the
  // operation timeout, no larger than `bound` bytes, no array of more elements than
  // cachepy asks for. Null, with `problem`, when it is not (see drop).
  reply_ptr read_reply(std::uint64_t bound, std::string &problem);
  // After a failed read or write, or a reply refused: the protocol is out of step, so
  // the connection goes.
  reply_ptr drop(const std::string &why, std::string &problem);
  // `verb` on every chunk (GETRANGE: its bytes, no more than the manifest gives it), at
  // most `window` commands ahead of the replies, each reply
  // given in order to `take` until it returns false (the rest are read and dropped).
  // False, with `problem`, when the server failed or answered with an error.
  bool pipeline(const chunk_list &chunks, std::string_view verb, std::uint64_t window,
                const std::function<bool(std::uint64_t, const redisReply &)> &take,
                std::string &problem);
  // Runs `per_key` (STRLEN, DEL) on every key under the prefix that cachepy names (found
  // with SCAN, never KEYS; others are left alone) and gives `visit` its reply, and
  // whether the key is a whole value's.
  bool each_key(std::string_view per_key,
                const std::function<void(const redisReply &, bool entry)> &visit,
                std::string &problem);
  std::string full_name(const std::string &name) const;

  remote_url url_;
  std::mutex mutex_; // one connection, shared by a call and its lock's renewal
  std::unique_ptr<reply_guard> guard_; // the connection's reader's, so it outlives it
  redisContext *context_ = nullptr;
};

} // namespace cachepy::detail

#endif
