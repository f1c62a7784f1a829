#ifndef CACHEPY_DETAIL_STD_FWD_HPP
#define CACHEPY_DETAIL_STD_FWD_HPP

// Standard types the runtime header names (results it stores, keeps and reads) but never
// uses before the user's code does, which has then included their headers: declared,
// not defined. <filesystem> was a tenth of the runtime header's parse, and <complex>,
// with the <cmath> and <sstream> it brings, another. libstdc++ declares the path alone
// in <bits/fs_fwd.h>, and complex as below; elsewhere the whole headers come.

#include <cstddef> // defines __GLIBCXX__ under libstdc++

#if defined(__GLIBCXX__) && !_GLIBCXX_INLINE_VERSION && __has_include(<bits/fs_fwd.h>)
#include <bits/fs_fwd.h>
// As <complex> declares it, visibility included.
namespace std _GLIBCXX_VISIBILITY(default) {
template <class T> class complex;
}
#else
#include <complex>
#include <filesystem>
#endif

#endif
