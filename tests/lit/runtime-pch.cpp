// The runtime header is precompiled once per set of compiler flags, into the PCH
// directory (pch-dir=, else $CACHEPY_PCH_DIR, else ~/.cache/cachepy/pch), and loaded by
// every later compilation with those flags. Anything doubtful falls back to including
// the header as text: other flags build another, a changed header rebuilds, an
// unusable directory or no-pch / CACHEPY_PCH=0 means text. The program is the same.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch %s %cachepy_link -o first 2>&1 | FileCheck --check-prefix=BUILT %s
// RUN: %clangxx %cachepy -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch %s %cachepy_link -o second 2>&1 | FileCheck --check-prefix=LOADED %s
// RUN: ls %t/pch/*.pch | count 1
// RUN: ./first | FileCheck --check-prefix=OUT %s
// RUN: ./second | FileCheck --check-prefix=OUT %s
//
// Other flags, another header:
// RUN: %clangxx %cachepy -DOTHER_FLAGS -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch -fsyntax-only %s 2>&1 | FileCheck --check-prefix=BUILT %s
// RUN: ls %t/pch/*.pch | count 2
//
// A runtime header changed since: built again.
// RUN: cp -r %cachepy_include %t/include
// RUN: %clangxx %cachepy -fplugin-arg-cachepy-runtime-include=%t/include -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch2 -fsyntax-only %s 2>&1 | FileCheck --check-prefix=BUILT %s
// RUN: touch -d '-1 hour' %t/include/cachepy/detail/key.hpp
// RUN: %clangxx %cachepy -fplugin-arg-cachepy-runtime-include=%t/include -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch2 -fsyntax-only %s 2>&1 | FileCheck --check-prefix=BUILT %s
//
// Text instead: asked for, or a directory that cannot be made.
// RUN: %clangxx %cachepy -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-no-pch -fsyntax-only %s 2>&1 | FileCheck --check-prefix=TEXT %s
// RUN: env CACHEPY_PCH=0 %clangxx %cachepy -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch -fsyntax-only %s 2>&1 | FileCheck --check-prefix=TEXT %s
// A precompiled header of the user's own: theirs is loaded, the runtime as text after it.
// RUN: printf '#include <string>\n#include <vector>\n' > %t/user.h
// RUN: %clangxx -std=c++17 %cachepy_sanitize -x c++-header %t/user.h -o %t/user.pch
// RUN: %clangxx %cachepy -include-pch %t/user.pch -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/pch %s %cachepy_link -o fourth 2>&1 | FileCheck --check-prefix=TEXT %s
// RUN: ./fourth | FileCheck --check-prefix=OUT %s
// RUN: touch %t/not-a-directory
// RUN: %clangxx %cachepy -fplugin-arg-cachepy-trace -fplugin-arg-cachepy-pch-dir=%t/not-a-directory/pch %s %cachepy_link -o third 2>&1 | FileCheck --check-prefix=UNUSABLE %s
// RUN: ./third | FileCheck --check-prefix=OUT %s
//
// The planning parse loads the PCH too; the plan, AST hashes included, is the same as
// with the runtime as text, even where the code leans on what the runtime includes
// (std::deque here, which this file never includes).
// RUN: %clangxx %cachepy -fplugin-arg-cachepy-pch-dir=%t/pch -fplugin-arg-cachepy-dump-rewrite=%t/with-pch -fsyntax-only %s
// RUN: env CACHEPY_PCH=0 %clangxx %cachepy -fplugin-arg-cachepy-dump-rewrite=%t/as-text -fsyntax-only %s
// RUN: FileCheck --check-prefix=PLAN %s < %t/with-pch/runtime-pch.cpp
// RUN: diff %t/with-pch/runtime-pch.cpp %t/as-text/runtime-pch.cpp

// BUILT: runtime precompiled into {{.*}}.pch
// LOADED: runtime loaded from {{.*}}.pch
// TEXT: runtime included as text
// UNUSABLE: runtime included as text (cannot create {{.*}}not-a-directory/pch)
// PLAN: cachepy_site(::cachepy::detail::rewrite_abi<{{[0-9]+}}>{}, ::cachepy::detail::site_field::qualified_name{"greet"}, {{.*}}ast_hash_high{0x{{[0-9a-f]+}}ULL}, ::cachepy::detail::site_field::ast_hash_low{0x{{[0-9a-f]+}}ULL}

#include <cachepy/cachepy.hpp>
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

// A callee whose hash enters greet's, over standard types the PCH declares.
static std::string joined(const std::vector<std::string> &parts) {
  std::deque<std::string> seen;
  std::string out;
  for (const std::string &part : parts)
    if (std::find(seen.begin(), seen.end(), part) == seen.end()) {
      seen.push_back(part);
      out += part;
    }
  return out;
}

[[cachepy::cache_file("cache")]]
std::string greet(const std::string &name) { return joined({"hello ", name}); }

int main() { std::printf("%s\n", greet("pch").c_str()); }
// OUT: hello pch
