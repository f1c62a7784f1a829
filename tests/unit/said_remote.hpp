#ifndef CACHEPY_TESTS_SAID_REMOTE_HPP
#define CACHEPY_TESTS_SAID_REMOTE_HPP

// A remote backend as the facade uses it: its answers, and its failures said as the
// facade says them (failure_warnings.hpp: once per remote). The remote tiers' tests
// count the warnings a process would show through it; the tiers themselves never log.

#include "storage/failure_warnings.hpp"
#include "storage/remote/signed_remote.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace cachepy::testing {

class said_remote {
public:
  explicit said_remote(std::unique_ptr<detail::remote_backend> backend)
      : backend_(std::move(backend)) {}

  std::optional<std::string> load(const detail::entry_id &id) {
    return said(backend_->load(id));
  }
  bool save(const detail::entry_id &id, std::string_view entry) {
    return said(backend_->save(id, entry));
  }
  std::unique_ptr<detail::backend_lock> lock(const detail::entry_id &id,
                                             std::chrono::milliseconds timeout) {
    return said(backend_->lock(id, timeout));
  }
  detail::remote_backend &backend() { return *backend_; }

private:
  template <class Value> Value said(detail::storage_outcome<Value> outcome) {
    detail::warn_once(outcome.failure, backend_->name());
    return std::move(outcome.value);
  }

  std::unique_ptr<detail::remote_backend> backend_;
};

// The one remote `spec` makes, as the facade uses it.
inline std::unique_ptr<said_remote> said_remote_of(const std::string &spec,
                                                   const std::string &secret = "") {
  detail::made_remote_backends made = detail::make_remote_backends({spec}, secret);
  EXPECT_EQ(made.backends.size(), 1u) << spec;
  EXPECT_TRUE(made.left_out.empty()) << spec;
  return std::make_unique<said_remote>(std::move(made.backends.at(0)));
}

} // namespace cachepy::testing

#endif
