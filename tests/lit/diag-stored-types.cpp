// A type that cannot be stored is one error at the user's parameter or result, naming
// the path to the culprit and why, with a note saying what to do (at the member when
// the culprit is one). No diagnostic points into the runtime or the rewritten text.
//
// RUN: not %clangxx %cachepy -fsyntax-only %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=cachepy/detail --implicit-check-not=cachepy_site

#include <atomic>
#include <cstdio>
#include <functional>
#include <mutex>
#include <vector>

// Reported as it is parsed, before the types of cached functions are judged.
// CHECK: diag-stored-types.cpp:[[#@LINE+1]]:3: error: cachepy::skip only applies to non-static data members
[[cachepy::skip]] int not_a_member = 0;

struct Model {
  std::vector<double> weights;
  std::mutex pool;
};
struct Pipeline {
  Model model;
};

// CHECK: diag-stored-types.cpp:[[#@LINE+3]]:12: error: 'Pipeline::model.pool' (a 'std::mutex') cannot be stored: a mutex holds no value
// CHECK: diag-stored-types.cpp:19:14: note: mark the member {{\[\[}}cachepy::skip]] to leave it default-initialized on a hit, or write serialize (or save and load) for 'Model', as non-member functions if you cannot change the class (docs/types.md), or leave parameter 'p' out of the key with ignore=["p"]
[[cachepy::cache_file("cache")]]
double fit(const Pipeline &p) { return p.model.weights.size(); }

union Cell {
  int i;
  float f;
};
// CHECK: diag-stored-types.cpp:[[#@LINE+2]]:1: error: the result of 'cell' (a 'Cell') cannot be stored: which member of a union holds the value is not known
[[cachepy::cache_file("cache")]]
Cell cell(int x) { return Cell{x}; }

// CHECK: diag-stored-types.cpp:[[#@LINE+3]]:10: error: parameter 'f' (a 'std::function<int ()>') cannot enter the cache key: a std::function holds code
// CHECK: note: leave it out of the key with ignore=["f"]
[[cachepy::cache_file("cache")]]
int call(std::function<int()> f) { return f(); }

struct Node {
  int value;
  Node *next;
};
// CHECK: diag-stored-types.cpp:[[#@LINE+2]]:1: error: 'Node::next' (a 'Node *') cannot be stored: a raw pointer's address means nothing in another run
[[cachepy::cache_file("cache")]]
Node head(int x) { return Node{x, nullptr}; }

// CHECK: diag-stored-types.cpp:[[#@LINE+2]]:12: error: parameter 'values' (a 'const double *') cannot enter the cache key: a raw pointer's address
[[cachepy::cache_file("cache")]]
double sum(const double *values) { return values[0]; }

struct Counter {
  std::atomic<int> hits;
  std::FILE *log;
};
// CHECK: diag-stored-types.cpp:[[#@LINE+2]]:11: error: 'Counter::hits' (a 'std::atomic<int>') cannot be stored: an atomic is shared state
[[cachepy::cache_file("cache")]]
int count(const Counter &c) { return c.hits; }

struct Lines {
  const int &first;
};
// CHECK: diag-stored-types.cpp:[[#@LINE+2]]:11: error: 'Lines::first' (a 'const int &') cannot be stored: a reference cannot be restored
[[cachepy::cache_file("cache")]]
int lines(const Lines &l) { return l.first; }

class Outer {
  struct Hidden {
    int x;
  };

public:
  Hidden h;
};
// CHECK: diag-stored-types.cpp:[[#@LINE+2]]:11: error: 'Outer::h' (a 'Outer::Hidden') cannot be stored: it is a private or protected class of 'Outer'
[[cachepy::cache_file("cache")]]
int outer(const Outer &o) { return 1; }

struct Flags {
  unsigned a : 1;

private:
  unsigned b : 2;
};
// CHECK: diag-stored-types.cpp:[[#@LINE+2]]:11: error: 'Flags::b' (a 'unsigned int') cannot be stored: a private bit-field
[[cachepy::cache_file("cache")]]
int flags(const Flags &f) { return f.a; }

// A result is restored into a default-constructed value, unless it is an aggregate
// built from its members.
class Connection {
public:
  explicit Connection(int port) : port_(port) {}

private:
  int port_;
};
// CHECK: diag-stored-types.cpp:[[#@LINE+3]]:1: error: the result of 'connect' (a 'Connection') cannot be restored: it has no default constructor and is not an aggregate cachepy can build member by member
// CHECK: note: give 'Connection' a public default constructor, or write save and load for it (docs/types.md)
[[cachepy::cache_file("cache")]]
Connection connect(int port) { return Connection(port); }

// Left out with ignore=, or with its culprit skipped, a type is fine.
struct Guarded {
  std::vector<double> data;
  [[cachepy::skip]] std::mutex lock;
};
[[cachepy::cache_file("cache", ignore=["f"])]]
int ignored(std::function<int()> f, const Guarded &g) { return f() + g.data.size(); }

// A class is judged once per translation unit, and reported at each use.
// CHECK: diag-stored-types.cpp:[[#@LINE+2]]:14: error: 'Pipeline::model.pool' (a 'std::mutex') cannot be stored
[[cachepy::cache_file("cache")]]
double refit(const Pipeline &again) { return 0; }
