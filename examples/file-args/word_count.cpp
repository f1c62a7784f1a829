// file_args: the file's content is part of the key. Edit the file and the count is
// recomputed; put the old content back and the old entry is found again.
#include <cachepy/cachepy.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <string>

[[cachepy::cache_file("word_count_cache", file_args=["path"])]]
std::map<std::string, int> word_count(const std::string &path) {
  std::printf("executing word_count(%s)\n", path.c_str());
  std::map<std::string, int> counts;
  std::ifstream in(path);
  for (std::string word; in >> word;)
    ++counts[word];
  return counts;
}

int main(int argc, char **argv) {
  for (const auto &[word, count] : word_count(argc > 1 ? argv[1] : "words.txt"))
    std::printf("%s %d\n", word.c_str(), count);
}
