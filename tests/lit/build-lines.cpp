// Ordinary build lines work: -c -o, -MD -MF, -g, -O2. The depfile names the user's
// files; DWARF and diagnostics point at the user's lines, not at the rewrite.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy -O2 -g -c %s -o %t/build-lines.o -MD -MF %t/build-lines.d
// RUN: FileCheck --check-prefix=DEPS --implicit-check-not=pch --input-file=%t/build-lines.d %s
// RUN: llvm-dwarfdump --debug-info %t/build-lines.o | FileCheck --check-prefix=DWARF %s
// RUN: llvm-dwarfdump --debug-line %t/build-lines.o | FileCheck --check-prefix=LINES %s
// RUN: %clangxx %t/build-lines.o %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck --check-prefix=RUN1 %s
// RUN: %t/prog | FileCheck --check-prefix=RUN2 %s
// RUN: not %clangxx %cachepy -DBREAK -fsyntax-only %s 2>&1 | FileCheck --check-prefix=DIAG %s

// The user's file and the runtime's headers (the runtime is precompiled and its inputs
// are dependencies too; clang orders them by version); nothing of the plugin's cache.
// DEPS: build-lines.o:
// DEPS-DAG: cachepy/rewritten.hpp
// DEPS-DAG: {{.*}}tests/lit/build-lines.cpp

#include <cachepy/cachepy.hpp>
#include <cstdio>

[[cachepy::cache_file("cache")]]
// DWARF: DW_AT_linkage_name ("_Z8checksumi")
// DWARF-NEXT: DW_AT_name ("checksum")
// DWARF-NEXT: DW_AT_decl_file ("{{.*}}build-lines.cpp")
// DWARF-NEXT: DW_AT_decl_line ([[#@LINE+1]])
int checksum(int seed) {
  int value = seed * 31;
  // RUN1: executing checksum at line [[#@LINE+1]]
  std::printf("executing checksum at line %d\n", __LINE__);
#ifdef BREAK
  // DIAG: build-lines.cpp:[[#@LINE+1]]:12: error: use of undeclared identifier 'undeclared_variable'
  value += undeclared_variable;
#endif
  return value;
}
// LINES: include_directories[{{ *}}0] = "{{.*}}"
// LINES: file_names[{{ *}}0]:
// LINES-NEXT: name: "{{.*}}build-lines.cpp"
// RUN2-NOT: executing

int main() { std::printf("%d\n", checksum(2)); }
