#ifndef CACHEPY_DETAIL_FUNCTION_REF_HPP
#define CACHEPY_DETAIL_FUNCTION_REF_HPP

// A non-owning reference to a callable: how the store hands a stream to the value's
// (de)serialization without std::function's allocation.

#include <memory>
#include <type_traits>
#include <utility>

namespace cachepy::detail {

template <class Signature> class function_ref;

template <class R, class... Args> class function_ref<R(Args...)> {
public:
  template <class F, class = std::enable_if_t<!std::is_same<std::decay_t<F>, function_ref>::value &&
                                              std::is_invocable_r<R, F &, Args...>::value>>
  function_ref(F &&f) noexcept
      : object_(const_cast<void *>(static_cast<const void *>(std::addressof(f)))),
        call_([](void *object, Args... args) -> R {
          return (*static_cast<std::remove_reference_t<F> *>(object))(
              std::forward<Args>(args)...);
        }) {}

  R operator()(Args... args) const { return call_(object_, std::forward<Args>(args)...); }

private:
  void *object_;
  R (*call_)(void *, Args...);
};

} // namespace cachepy::detail

#endif
