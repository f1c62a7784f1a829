// Each standard type cachepy cannot store is one error at the user's parameter or
// return type, saying why, with a note; nothing from the runtime's headers or cereal's
// follows. (Mutexes, atomics, std::function and raw pointers: diag-stored-types.cpp.)
//
// RUN: %clangxx %cachepy -fsyntax-only -Xclang -verify %s

#include <cachepy/cachepy.hpp>

#include <any>
#include <condition_variable>
#include <fstream>
#include <functional>
#include <future>
#include <memory>
#include <sstream>
#include <optional>
#include <stack>
#include <string_view>
#include <thread>
#include <vector>

[[cachepy::cache_file("cache")]]
int first(const std::unique_ptr<int[]> &values) { return values[0]; } // expected-error {{parameter 'values' (a 'std::unique_ptr<int[]>') cannot enter the cache key: cachepy does not store a smart pointer to an array; store a std::vector (or a std::array)}} expected-note {{leave it out of the key with ignore=["values"]}}

[[cachepy::cache_file("cache")]]
std::shared_ptr<double[]> zeros(int n) { return std::shared_ptr<double[]>(new double[n]()); } // expected-error {{the result of 'zeros' (a 'std::shared_ptr<double[]>') cannot be stored: cachepy does not store a smart pointer to an array}} expected-note {{return a type cachepy can store (docs/types.md)}}

[[cachepy::cache_file("cache")]]
int watched(std::weak_ptr<int> p) { return p.expired(); } // expected-error {{parameter 'p' (a 'std::weak_ptr<int>') cannot enter the cache key: a weak_ptr does not own what it points to}} expected-note {{ignore=["p"]}}

[[cachepy::cache_file("cache")]]
int referred(std::reference_wrapper<const int> r) { return r; } // expected-error {{parameter 'r' (a 'std::reference_wrapper<const int>') cannot enter the cache key: a reference cannot be restored}} expected-note {{ignore=["r"]}}

[[cachepy::cache_file("cache")]]
std::any boxed(int x) { return x; } // expected-error {{the result of 'boxed' (a 'std::any') cannot be stored: std::any's content has no type cachepy can name}} expected-note {{return a type}}

[[cachepy::cache_file("cache")]]
int waits(const std::condition_variable &ready) { return 0; } // expected-error {{parameter 'ready' (a 'std::condition_variable') cannot enter the cache key: a synchronization object holds no value}} expected-note {{ignore=["ready"]}}

[[cachepy::cache_file("cache")]]
bool joinable(const std::thread &worker) { return worker.joinable(); } // expected-error {{parameter 'worker' (a 'std::thread') cannot enter the cache key: a thread holds no value}} expected-note {{ignore=["worker"]}}

[[cachepy::cache_file("cache")]]
std::future<int> later(int x) { return std::async([x] { return x; }); } // expected-error {{the result of 'later' (a 'std::future<int>') cannot be stored: a future holds no value yet}} expected-note {{return a type}}

[[cachepy::cache_file("cache")]]
int lines(const std::ifstream &in) { return in.good(); } // expected-error {{parameter 'in' (a 'std::basic_ifstream<char>') cannot enter the cache key: a stream is a handle on a file or buffer, not a value}} expected-note {{ignore=["in"]}}

[[cachepy::cache_file("cache")]]
std::ostringstream report(int x) { return std::ostringstream(); } // expected-error {{the result of 'report' (a 'std::basic_ostringstream<char>') cannot be stored: a stream is a handle on a buffer, not a value}} expected-note {{return a type}}

[[cachepy::cache_file("cache")]]
int top(const std::stack<int> &s) { return s.top(); } // expected-error {{parameter 's' (a 'std::stack<int>') cannot enter the cache key: cachepy does not store this standard type}} expected-note {{ignore=["s"]}}

[[cachepy::cache_file("cache")]]
std::string_view label(int x) { return "label"; } // expected-error {{the result of 'label' (a 'std::basic_string_view<char>') cannot be stored: a string_view does not own its characters; return a std::string}} expected-note {{return a type}}

// Inside another standard type, the same error names the culprit.
[[cachepy::cache_file("cache")]]
std::optional<std::string_view> maybe(int x) { return "label"; } // expected-error {{the result of 'maybe' (a 'std::basic_string_view<char>') cannot be stored: a string_view does not own its characters}} expected-note {{return a type}}

[[cachepy::cache_file("cache")]]
int count(const std::vector<std::unique_ptr<int[]>> &rows) { return rows.size(); } // expected-error {{parameter 'rows' (a 'std::unique_ptr<int[]>') cannot enter the cache key: cachepy does not store a smart pointer to an array}} expected-note {{ignore=["rows"]}}
