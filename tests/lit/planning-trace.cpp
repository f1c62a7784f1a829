// -fplugin-arg-cachepy-trace says what the plugin did with a file: a file that
// mentions cachepy gets a planning parse, timed; one that does not is skipped. User
// headers it includes, and -include'd headers, count as mentions.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy -fsyntax-only -fplugin-arg-cachepy-trace %s 2>&1 | FileCheck --check-prefix=PLANNED %s
// RUN: echo 'int plain() { return 1; }' > plain.cpp
// RUN: %clangxx %cachepy -fsyntax-only -fplugin-arg-cachepy-trace plain.cpp 2>&1 | FileCheck --check-prefix=SKIPPED %s
// RUN: echo '[[cachepy::cache_file("c")]] inline int forced(int x) { return x; }' > forced.h
// RUN: %clangxx %cachepy -fsyntax-only -fplugin-arg-cachepy-trace -include forced.h plain.cpp 2>&1 | FileCheck --check-prefix=FORCED %s
// RUN: not %clangxx %cachepy -fsyntax-only -fplugin-arg-cachepy-colour %s 2>&1 | FileCheck --check-prefix=BAD-OPTION %s

// PLANNED: cachepy: {{.*}}planning-trace.cpp: planned in {{[0-9]+}} ms, 0 file(s) rewritten
// SKIPPED: cachepy: plain.cpp: no mention of {{c}}achepy: left untouched
// FORCED: cachepy: plain.cpp: planned in {{[0-9]+}} ms, 1 file(s) rewritten
// BAD-OPTION: error: unknown cachepy plugin option 'colour'
// BAD-OPTION: note: expected dump-rewrite=<dir|->, runtime-include=<dir>, pch-dir=<dir>, no-pch or trace

int no_cached_function_here() { return 0; }
