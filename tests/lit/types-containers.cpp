// Every standard container is an argument and a result, in each storage format:
// vector, deque, list, forward_list, array, map, multimap, unordered_map,
// unordered_multimap, set, multiset, unordered_set, unordered_multiset. Equal keys of
// the multi-containers come back in the order they were stored (the comparator and the
// hash here look at part of the value only, so that the order shows).
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o prog
// RUN: sh %S/Inputs/run-twice.sh binary && sh %S/Inputs/run-twice.sh portable_binary
// RUN: sh %S/Inputs/run-twice.sh json
// RUN: FileCheck %s --input-file=binary/second.txt
// RUN: FileCheck %s --input-file=portable_binary/second.txt
// RUN: FileCheck %s --input-file=json/second.txt

#include <cachepy/cachepy.hpp>

#include <array>
#include <cstdio>
#include <deque>
#include <forward_list>
#include <functional>
#include <list>
#include <map>
#include <set>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

void print(int x) { std::printf("%d", x); }
void print(double x) { std::printf("%g", x); }
void print(const std::string &x) { std::printf("%s", x.c_str()); }
template <class A, class B> void print(const std::pair<A, B> &p) {
  print(p.first);
  std::printf("=");
  print(p.second);
}
template <class Range> void show(const char *name, const Range &range) {
  std::printf("%s:", name);
  for (const auto &element : range) {
    std::printf(" ");
    print(element);
  }
  std::printf("\n");
}
// An unordered container's order is its buckets': shown sorted by key (a word's is its
// first letter, as below), the elements of one key in the container's order (which the
// second run must reproduce).
template <class A, class B> const A &key_of(const std::pair<A, B> &p) { return p.first; }
char key_of(const std::string &word) { return word[0]; }
int key_of(int x) { return x; }
template <class Range> void show_sorted(const char *name, const Range &range) {
  std::set<std::decay_t<decltype(key_of(*range.begin()))>> keys;
  for (const auto &element : range)
    keys.insert(key_of(element));
  std::printf("%s:", name);
  for (const auto &key : keys)
    for (const auto &element : range)
      if (key_of(element) == key) {
        std::printf(" ");
        print(element);
      }
  std::printf("\n");
}

// Orders, and hashes, words by their first letter only.
struct ByFirst {
  bool operator()(const std::string &a, const std::string &b) const { return a[0] < b[0]; }
};
struct FirstHash {
  std::size_t operator()(const std::string &s) const { return std::hash<char>()(s[0]); }
};
struct SameFirst {
  bool operator()(const std::string &a, const std::string &b) const { return a[0] == b[0]; }
};

template <class Container, class Value> Container with(Container c, Value v) {
  c.insert(c.end(), v);
  return c;
}

[[cachepy::cache_file("cache")]]
std::vector<std::string> vector_of(const std::vector<std::string> &v) { return with(v, "v"); }
[[cachepy::cache_file("cache")]]
std::deque<int> deque_of(const std::deque<int> &d) { return with(d, 3); }
[[cachepy::cache_file("cache")]]
std::list<double> list_of(const std::list<double> &l) { return with(l, 0.5); }
[[cachepy::cache_file("cache")]]
std::forward_list<std::string> forward_list_of(const std::forward_list<std::string> &l) {
  auto out = l;
  out.push_front("head");
  return out;
}
[[cachepy::cache_file("cache")]]
std::array<int, 3> array_of(const std::array<int, 3> &a) { return {a[2], a[1], a[0]}; }

[[cachepy::cache_file("cache")]]
std::map<std::string, int> map_of(const std::map<std::string, int> &m) {
  return with(m, std::pair<const std::string, int>("z", 26));
}
[[cachepy::cache_file("cache")]]
std::multimap<int, std::string> multimap_of(const std::multimap<int, std::string> &m) {
  return with(m, std::pair<const int, std::string>(1, "last"));
}
[[cachepy::cache_file("cache")]]
std::unordered_map<std::string, int> unordered_map_of(const std::unordered_map<std::string, int> &m) {
  return with(m, std::pair<const std::string, int>("z", 26));
}
[[cachepy::cache_file("cache")]]
std::unordered_multimap<int, std::string>
unordered_multimap_of(const std::unordered_multimap<int, std::string> &m) {
  auto out = m;
  out.emplace(1, "last");
  return out;
}

[[cachepy::cache_file("cache")]]
std::set<std::string> set_of(const std::set<std::string> &s) { return with(s, "m"); }
[[cachepy::cache_file("cache")]]
std::multiset<std::string, ByFirst> multiset_of(const std::multiset<std::string, ByFirst> &s) {
  return with(s, "bz");
}
[[cachepy::cache_file("cache")]]
std::unordered_set<int> unordered_set_of(const std::unordered_set<int> &s) { return with(s, 99); }
[[cachepy::cache_file("cache")]]
std::unordered_multiset<std::string, FirstHash, SameFirst>
unordered_multiset_of(const std::unordered_multiset<std::string, FirstHash, SameFirst> &s) {
  auto out = s;
  out.insert("bz");
  return out;
}

int main() {
  show("vector", vector_of({"a", "b"}));
  show("vector", vector_of({"a", "c"}));
  show("deque", deque_of({1, 2}));
  show("list", list_of({1.5}));
  show("forward_list", forward_list_of({"x", "y"}));
  show("array", array_of({1, 2, 3}));
  show("map", map_of({{"a", 1}, {"b", 2}}));
  show("multimap", multimap_of({{1, "b"}, {0, "z"}, {1, "a"}, {1, "c"}}));
  show_sorted("unordered_map", unordered_map_of({{"a", 1}, {"b", 2}}));
  show_sorted("unordered_multimap", unordered_multimap_of({{1, "b"}, {2, "z"}, {1, "a"}}));
  show("set", set_of({"q", "a"}));
  show("multiset", multiset_of({"bb", "a", "ba", "bc"}));
  show_sorted("unordered_set", unordered_set_of({5, 1, 3}));
  show_sorted("unordered_multiset", unordered_multiset_of({"bb", "a", "ba"}));
}
// CHECK: vector: a b v
// CHECK-NEXT: vector: a c v
// CHECK-NEXT: deque: 1 2 3
// CHECK-NEXT: list: 1.5 0.5
// CHECK-NEXT: forward_list: head x y
// CHECK-NEXT: array: 3 2 1
// CHECK-NEXT: map: a=1 b=2 z=26
// CHECK-NEXT: multimap: 0=z 1=b 1=a 1=c 1=last
// CHECK-NEXT: unordered_map: a=1 b=2 z=26
// CHECK-NEXT: unordered_multimap: 1={{[a-z]+}} 1={{[a-z]+}} 1={{[a-z]+}} 2=z
// CHECK-NEXT: set: a m q
// CHECK-NEXT: multiset: a bb ba bc bz
// CHECK-NEXT: unordered_set: 1 3 5 99
// CHECK-NEXT: unordered_multiset: a {{b[a-z]}} {{b[a-z]}} {{b[a-z]}}
