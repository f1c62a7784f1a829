// Arguments and results of any type cereal can serialize round-trip exactly: standard
// containers, strings, optional, variant, tuple, pair, user structs with serialize;
// function templates (each instantiation its own entries) and void functions (a hit
// skips the body).
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog > first.txt
// RUN: %t/prog > second.txt
// RUN: FileCheck --check-prefix=FIRST --input-file=first.txt %s
// RUN: FileCheck --check-prefix=SECOND --input-file=second.txt %s
// RUN: grep -v executing first.txt > first-values.txt
// RUN: diff first-values.txt second.txt

#include <cachepy/cachepy.hpp>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <variant>
#include <vector>

struct Sample {
  std::string id;
  std::vector<double> values;
  template <class Archive> void serialize(Archive &ar) { ar(id, values); }
};

[[cachepy::cache_file("cache")]]
std::map<std::string, std::vector<int>> index_words(const std::vector<std::string> &words) {
  std::printf("executing index_words\n");
  std::map<std::string, std::vector<int>> index;
  for (int i = 0; i < static_cast<int>(words.size()); ++i)
    index[words[i]].push_back(i);
  return index;
}

[[cachepy::cache_file("cache")]]
std::optional<std::variant<int, std::string>> parse(const std::string &text) {
  std::printf("executing parse(%s)\n", text.c_str());
  if (text.empty())
    return std::nullopt;
  if (text[0] >= '0' && text[0] <= '9')
    return std::stoi(text);
  return text;
}

[[cachepy::cache_file("cache")]]
std::tuple<int, double, std::pair<std::string, std::set<int>>> summarize(const Sample &s) {
  std::printf("executing summarize\n");
  double sum = 0;
  for (double v : s.values)
    sum += v;
  return {static_cast<int>(s.values.size()), sum, {s.id, {1, 2}}};
}

template <class T>
[[cachepy::cache_file("cache")]]
std::vector<T> repeat(const T &value, int times) {
  std::printf("executing repeat\n");
  return std::vector<T>(times, value);
}

[[cachepy::cache_file("cache")]]
void write_report(const std::unordered_map<std::string, int> &counts) {
  std::printf("executing write_report (%zu keys)\n", counts.size());
}

void show(const std::optional<std::variant<int, std::string>> &v) {
  if (!v)
    std::printf("parse: none\n");
  else if (std::holds_alternative<int>(*v))
    std::printf("parse: int %d\n", std::get<int>(*v));
  else
    std::printf("parse: string %s\n", std::get<std::string>(*v).c_str());
}

int main() {
  for (const auto &[word, at] : index_words({"a", "b", "a"}))
    std::printf("index: %s %zu\n", word.c_str(), at.size());
  show(parse("42"));
  show(parse("x"));
  show(parse(""));
  const auto [n, sum, tagged] = summarize(Sample{"s1", {1.5, 2.5}});
  std::printf("summary: %d %g %s %zu\n", n, sum, tagged.first.c_str(), tagged.second.size());
  std::printf("repeat: %zu %s %zu\n", repeat(7, 3).size(), repeat(std::string("ab"), 2)[1].c_str(),
              repeat(2.5, 1).size());
  write_report({{"x", 1}});
}
// FIRST: executing index_words
// FIRST: index: a 2
// FIRST: executing parse(42)
// FIRST: parse: int 42
// FIRST: executing parse(x)
// FIRST: parse: string x
// FIRST: executing parse()
// FIRST: parse: none
// FIRST: executing summarize
// FIRST: summary: 2 4 s1 2
// FIRST-COUNT-3: executing repeat
// FIRST: repeat: 3 ab 1
// FIRST: executing write_report (1 keys)
// SECOND-NOT: executing
