#ifndef CACHEPY_DETAIL_CALL_MODE_HPP
#define CACHEPY_DETAIL_CALL_MODE_HPP

// force / skip_save: a mode armed for the next cached call on this thread. The first
// cached call takes it (so nested cached calls run normally); the scope disarms it if
// no cached call took it.

namespace cachepy::detail {

enum class call_mode { normal, force, skip_save };

call_mode &armed_call_mode(); // thread-local

inline call_mode take_call_mode() {
  call_mode &armed = armed_call_mode();
  const call_mode mode = armed;
  armed = call_mode::normal;
  return mode;
}

class call_mode_scope {
public:
  explicit call_mode_scope(call_mode mode) : previous_(armed_call_mode()) {
    armed_call_mode() = mode;
  }
  ~call_mode_scope() { armed_call_mode() = previous_; }
  call_mode_scope(const call_mode_scope &) = delete;
  call_mode_scope &operator=(const call_mode_scope &) = delete;

private:
  call_mode previous_;
};

} // namespace cachepy::detail

#endif
