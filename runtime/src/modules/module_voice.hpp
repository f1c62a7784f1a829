#ifndef CACHEPY_MODULES_MODULE_VOICE_HPP
#define CACHEPY_MODULES_MODULE_VOICE_HPP

// Compiled into each module (never into the runtime): log_warning and log_warning_once
// through the program that loaded it.

#include "module_contract.hpp"

namespace cachepy::detail {

// Called first by each module's entry point.
void speak_through(const module_host &program);

} // namespace cachepy::detail

#endif
