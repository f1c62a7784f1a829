#include <cachepy/detail/call_mode.hpp>

namespace cachepy::detail {

call_mode &armed_call_mode() {
  thread_local call_mode mode = call_mode::normal;
  return mode;
}

} // namespace cachepy::detail
