// A parameter or result type that cannot be serialized is one error naming the type
// and saying how to make it serializable, not pages of template errors.
//
// RUN: not %clangxx %cachepy -fsyntax-only %s 2>&1 | FileCheck %s

#include <cachepy/cachepy.hpp>

struct Matrix { // no serialize()
  double cells[4];
};

// CHECK: error: static assertion failed due to requirement '{{(cachepy::detail::)?}}argument_type_is_serializable<Matrix>::value': cachepy: this argument type cannot enter the cache key. Make it serializable with cereal: give it a member `template <class Archive> void serialize(Archive &ar)
// CHECK: note: in instantiation of template class 'cachepy::detail::argument_check<Matrix>' requested here
// CHECK: diag-unserializable.cpp:[[#@LINE+2]]:{{[0-9]+}}: note: in instantiation of
[[cachepy::cache_file("d")]]
double trace(const Matrix &m) { return m.cells[0] + m.cells[3]; }

struct Handle {
  int fd;
};

// CHECK: error: static assertion failed due to requirement '{{(cachepy::detail::)?}}result_type_is_serializable<Handle>::value': cachepy: this result type cannot be stored. Make it serializable with cereal
// CHECK: diag-unserializable.cpp:[[#@LINE+2]]:{{[0-9]+}}: note: in instantiation of
[[cachepy::cache_file("d")]]
Handle open_handle(int x) { return Handle{x}; }

// CHECK: error: static assertion failed due to requirement '!std::is_pointer<int *>::value': cachepy: a cached function cannot return a raw pointer
// CHECK: diag-unserializable.cpp:[[#@LINE+2]]:{{[0-9]+}}: note: in instantiation of
[[cachepy::cache_file("d")]]
int *find_cell(int x) { static int cells[4]; return &cells[x]; }

// CHECK: error: static assertion failed due to requirement '!std::is_pointer<const double *>::value || {{(cachepy::detail::)?}}is_hashable_argument<const double *>::value': cachepy: a raw pointer argument cannot enter the cache key
// CHECK: diag-unserializable.cpp:[[#@LINE+2]]:{{[0-9]+}}: note: in instantiation of
[[cachepy::cache_file("d")]]
double first(const double *values) { return values[0]; }
// CHECK-NOT: error:
// CHECK: 4 errors generated.
