#ifndef CACHEPY_TESTS_SCRATCH_DIR_HPP
#define CACHEPY_TESTS_SCRATCH_DIR_HPP

// A fresh, empty directory under the system's temporary directory for one test,
// removed when the test ends (also when an assertion fails).

#include <filesystem>
#include <string>
#include <unistd.h>

namespace cachepy::testing {

class scratch_dir {
public:
  explicit scratch_dir(const std::string &tag)
      : path_((std::filesystem::temp_directory_path() /
               ("cachepy-" + tag + "-" + std::to_string(::getpid())))
                  .native()) {
    std::filesystem::remove_all(path_);
  }
  ~scratch_dir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  scratch_dir(const scratch_dir &) = delete;
  scratch_dir &operator=(const scratch_dir &) = delete;

  const std::string &path() const { return path_; }

private:
  std::string path_;
};

} // namespace cachepy::testing

#endif
