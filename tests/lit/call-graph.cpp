// Nested cached calls are recorded as parent/child edges: cache_tree_nodes() returns
// them for this process, and <cache_dir>/graph.tsv keeps them for later tools.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o %t/prog
// RUN: %t/prog | FileCheck %s
// RUN: FileCheck --check-prefix=FILE --input-file=cache/graph.tsv %s

#include <cachepy/cachepy.hpp>
#include <cstdio>

[[cachepy::cache_file("cache")]]
int load(int day) { return day * 10; }

[[cachepy::cache_file("cache")]]
int clean(int day) { return load(day) + 1; }

[[cachepy::cache_file("cache")]]
int report(int first, int last) {
  int total = 0;
  for (int day = first; day <= last; ++day)
    total += clean(day);
  return total;
}

int main() {
  std::printf("total %d\n", report(1, 2));
  for (const auto &[id, node] : cachepy::cache_tree_nodes()) {
    std::printf("node %s fname=%s parents=%zu children=%zu\n", id.c_str(),
                node.fname.c_str(), node.parents.size(), node.children.size());
    for (const std::string &child : node.children)
      std::printf("  child %s\n", child.c_str());
  }
}
// CHECK: total 32
// CHECK-DAG: node clean:{{[0-9a-f]+}} fname=clean parents=1 children=1
// CHECK-DAG: node clean:{{[0-9a-f]+}} fname=clean parents=1 children=1
// CHECK-DAG: node load:{{[0-9a-f]+}} fname=load parents=1 children=0
// CHECK-DAG: node load:{{[0-9a-f]+}} fname=load parents=1 children=0
// CHECK-DAG: node report:{{[0-9a-f]+}} fname=report parents=0 children=2
// CHECK-DAG: child clean:{{[0-9a-f]+}}
// CHECK-DAG: child load:{{[0-9a-f]+}}

// FILE-DAG: report:{{[0-9a-f]+}}{{	}}clean:{{[0-9a-f]+}}
// FILE-DAG: report:{{[0-9a-f]+}}{{	}}clean:{{[0-9a-f]+}}
// FILE-DAG: clean:{{[0-9a-f]+}}{{	}}load:{{[0-9a-f]+}}
// FILE-DAG: clean:{{[0-9a-f]+}}{{	}}load:{{[0-9a-f]+}}
