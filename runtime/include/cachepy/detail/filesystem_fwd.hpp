#ifndef CACHEPY_DETAIL_FILESYSTEM_FWD_HPP
#define CACHEPY_DETAIL_FILESYSTEM_FWD_HPP

// std::filesystem::path, declared: the runtime header names it (a result type it
// stores, keeps and reads) but never uses it before the user's code does, which then
// has included <filesystem>. That header is a tenth of the runtime header's parse;
// libstdc++ declares the path alone in <bits/fs_fwd.h>, elsewhere it is the whole.

#include <cstddef> // defines __GLIBCXX__ under libstdc++

#if defined(__GLIBCXX__) && __has_include(<bits/fs_fwd.h>)
#include <bits/fs_fwd.h>
#else
#include <filesystem>
#endif

#endif
