# Turns cachepy on for a whole, unmodified CMake project:
#   cmake -DCMAKE_TOOLCHAIN_FILE=<prefix>/lib/cmake/cachepy/cachepy-toolchain.cmake ...
# Picks clang 19, loads the plugin into every C++ compilation and links the runtime.
get_filename_component(_cachepy_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)

find_program(_cachepy_clangxx NAMES clang++-19 clang++ REQUIRED)
find_program(_cachepy_clang NAMES clang-19 clang REQUIRED)
set(CMAKE_CXX_COMPILER "${_cachepy_clangxx}" CACHE FILEPATH "C++ compiler (cachepy)")
set(CMAKE_C_COMPILER "${_cachepy_clang}" CACHE FILEPATH "C compiler (cachepy)")

set(CMAKE_CXX_FLAGS_INIT
  "-fplugin=${_cachepy_prefix}/lib/cachepy/cachepy-plugin.so -I${_cachepy_prefix}/include")
# Standard libraries come last on the link line, after the objects that need them.
set(CMAKE_CXX_STANDARD_LIBRARIES_INIT "-L${_cachepy_prefix}/lib -lcachepy")
