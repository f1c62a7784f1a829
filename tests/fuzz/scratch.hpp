#ifndef CACHEPY_TESTS_FUZZ_SCRATCH_HPP
#define CACHEPY_TESTS_FUZZ_SCRATCH_HPP

// A directory of the harness's own for the files an input becomes, under $TMPDIR,
// removed at exit; and writing an input into one of them.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace cachepy::fuzz {

// Never destroyed: the exit handler that removes it runs after static destructors.
inline const std::string &scratch_dir() {
  static const std::string &dir = *[] {
    auto *made = new std::string(
        (std::filesystem::temp_directory_path() / "cachepy-fuzz-XXXXXX").native());
    if (!::mkdtemp(made->data()))
      std::abort();
    std::atexit([] { std::filesystem::remove_all(scratch_dir()); });
    return made;
  }();
  return dir;
}

inline void write_file(const std::string &path, const char *data, std::size_t size) {
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(data, static_cast<std::streamsize>(size));
}

} // namespace cachepy::fuzz

#endif
