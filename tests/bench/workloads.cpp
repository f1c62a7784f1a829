// The benchmark's workloads through cachepy, one per subcommand; each prints one JSON
// object of timings (seconds) on stdout. tests/bench/joblib_workloads.py runs the same
// workloads through joblib.Memory; tests/bench/run runs both and prints the table.
//
//   workloads CACHE_DIR small-hit CALLS     a hit on int -> int, repeated in one process
//   workloads CACHE_DIR first-call          the first call of the process (a hit if warmed)
//   workloads CACHE_DIR big-argument REPS   a hit whose key hashes 10M doubles, and memcpy
//   workloads CACHE_DIR big-result REPS     a hit that loads 10M doubles, repeated
//   workloads CACHE_DIR big-result-once     the same, once (run in a fresh process)
//   workloads CACHE_DIR first-hits HITS     a miss that computes 10M doubles, then HITS hits
//                                           (in a fresh cache directory)
//   workloads CACHE_DIR copy-limit REPS     no cachepy: 10M doubles copied into fresh memory
//                                           that the kernel may back with huge pages
//   workloads CACHE_DIR fib                 the first run of a recursive fib(90)
//   workloads CACHE_DIR points-argument REPS  a hit whose key hashes 80 MB of Point3,
//                                           beside XXH3 over the same bytes, taking turns
//   workloads CACHE_DIR matrix-result REPS  a hit that loads an 80 MB Eigen::MatrixXd
//   workloads CACHE_DIR matrix-result-once  the same, once (run in a fresh process)

#include <cachepy/cachepy.hpp>

#include <Eigen/Dense>
// Inlined, as the runtime's key derivation has it (runtime/src/key/key.cpp): the raw
// hash the argument row compares with is the same code.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include <sys/mman.h>

namespace {

constexpr std::size_t big_size = 10'000'000; // 80 MB of doubles

std::string cache_dir;

} // namespace

[[cachepy::cache_file(cache_dir)]]
int square(int x) { return x * x; }

[[cachepy::cache_file(cache_dir)]]
double total(const std::vector<double> &values) {
  double sum = 0;
  for (double value : values)
    sum += value;
  return sum;
}

[[cachepy::cache_file(cache_dir)]]
std::vector<double> ramp(int seed) {
  std::vector<double> values(big_size);
  for (std::size_t i = 0; i < values.size(); ++i)
    values[i] = static_cast<double>(i) * 0.5 + seed;
  return values;
}

struct Point3 {
  double x, y, z;
};

[[cachepy::cache_file(cache_dir)]]
double total_x(const std::vector<Point3> &points) {
  double sum = 0;
  for (const Point3 &p : points)
    sum += p.x;
  return sum;
}

// The same 80 MB as ramp's, as a 1000-row matrix.
[[cachepy::cache_file(cache_dir)]]
Eigen::MatrixXd ramp_matrix(int seed) {
  Eigen::MatrixXd values(1000, big_size / 1000);
  for (Eigen::Index i = 0; i < values.size(); ++i)
    values.data()[i] = static_cast<double>(i) * 0.5 + seed;
  return values;
}

[[cachepy::cache_file(cache_dir)]]
std::uint64_t fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

template <class F> double median_seconds(int repetitions, F &&f) {
  std::vector<double> times;
  for (int i = 0; i < repetitions; ++i) {
    const auto start = std::chrono::steady_clock::now();
    f();
    times.push_back(seconds_since(start));
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

// Keeps the optimizer from discarding a result.
template <class T> void use(const T &value) {
  asm volatile("" : : "r"(&value) : "memory");
}

int small_hit(long calls) {
  use(square(7)); // the miss, or a hit from an earlier run
  const auto start = std::chrono::steady_clock::now();
  long sum = 0;
  for (long i = 0; i < calls; ++i)
    sum += square(7);
  const double elapsed = seconds_since(start);
  use(sum);
  std::printf("{\"per_call\": %.9g, \"calls\": %ld}\n", elapsed / calls, calls);
  return sum == 49 * calls ? 0 : 1;
}

int first_call() {
  const auto start = std::chrono::steady_clock::now();
  const int value = square(7);
  std::printf("{\"first_call\": %.9g}\n", seconds_since(start));
  return value == 49 ? 0 : 1;
}

int big_argument(int repetitions) {
  std::vector<double> values(big_size);
  for (std::size_t i = 0; i < values.size(); ++i)
    values[i] = static_cast<double>(i % 1000);
  const double expected = total(values); // the miss
  double result = 0;
  const double hit = median_seconds(repetitions, [&] { result = total(values); });
  std::vector<double> copy(big_size, 1.0); // faulted in before timing
  const double copying = median_seconds(repetitions, [&] {
    std::memcpy(copy.data(), values.data(), big_size * sizeof(double));
    use(copy);
  });
  std::printf("{\"hit\": %.9g, \"memcpy\": %.9g, \"bytes\": %zu}\n", hit, copying,
              big_size * sizeof(double));
  return result == expected ? 0 : 1;
}

bool check_ramp(const std::vector<double> &values) {
  return values.size() == big_size && values[12345] == 12345 * 0.5 + 3;
}

int big_result(int repetitions) {
  bool ok = check_ramp(ramp(3)); // the miss, or a hit from an earlier run
  const double hit = median_seconds(repetitions, [&] { ok = check_ramp(ramp(3)) && ok; });
  std::printf("{\"hit\": %.9g, \"bytes\": %zu}\n", hit, big_size * sizeof(double));
  return ok ? 0 : 1;
}

int big_result_once() {
  bool ok = false;
  const double hit = median_seconds(1, [&] { ok = check_ramp(ramp(3)); });
  std::printf("{\"hit\": %.9g, \"bytes\": %zu}\n", hit, big_size * sizeof(double));
  return ok ? 0 : 1;
}

// The common pattern: a miss, then hits, each result freed before the next. The hits'
// mean, and each.
int first_hits(int hits) {
  bool ok = check_ramp(ramp(3)); // the miss
  std::string each;
  double total = 0;
  for (int i = 0; i < hits; ++i) {
    const auto start = std::chrono::steady_clock::now();
    ok = check_ramp(ramp(3)) && ok;
    const double hit = seconds_since(start);
    total += hit;
    each += (i ? ", " : "") + std::to_string(hit);
  }
  std::printf("{\"hits\": %.9g, \"each\": [%s], \"bytes\": %zu}\n", total / hits, each.c_str(),
              big_size * sizeof(double));
  return ok ? 0 : 1;
}

// What any hit of an 80 MB result must at least do: fill that much fresh memory. The
// memory is aligned to huge pages and advised to use them, the best case a result could
// get from its allocator.
int copy_limit(int repetitions) {
  constexpr std::size_t bytes = big_size * sizeof(double);
  constexpr std::size_t huge_page = 2 * 1024 * 1024;
  const std::vector<double> values = ramp(3); // a hit, or the miss
  bool ok = true;
  const double copying = median_seconds(repetitions, [&] {
    void *fresh = std::aligned_alloc(huge_page, (bytes + huge_page - 1) / huge_page * huge_page);
    ::madvise(fresh, bytes, MADV_HUGEPAGE);
    std::memcpy(fresh, values.data(), bytes);
    use(fresh);
    ok = ok && static_cast<const double *>(fresh)[12345] == values[12345];
    std::free(fresh);
  });
  std::printf("{\"copy\": %.9g, \"bytes\": %zu}\n", copying, bytes);
  return ok ? 0 : 1;
}

// Two measurements taking turns (which goes first alternates), so that drift in the
// machine's speed falls on both alike: their medians.
template <class F, class G>
std::pair<double, double> medians_in_turns(int repetitions, F &&f, G &&g) {
  std::vector<double> first, second;
  const auto time = [](auto &&work, std::vector<double> &into) {
    const auto start = std::chrono::steady_clock::now();
    work();
    into.push_back(seconds_since(start));
  };
  for (int i = 0; i < repetitions; ++i) {
    if (i % 2 == 0) {
      time(f, first), time(g, second);
    } else {
      time(g, second), time(f, first);
    }
  }
  std::sort(first.begin(), first.end());
  std::sort(second.begin(), second.end());
  return {first[first.size() / 2], second[second.size() / 2]};
}

int points_argument(int repetitions) {
  std::vector<Point3> points(big_size / 3);
  for (std::size_t i = 0; i < points.size(); ++i)
    points[i] = {static_cast<double>(i % 1000), 1, 2};
  const double expected = total_x(points); // the miss
  double result = 0;
  XXH128_hash_t digest{};
  const auto [hit, xxh3] = medians_in_turns(
      repetitions, [&] { result = total_x(points); },
      [&] {
        digest = XXH3_128bits(points.data(), points.size() * sizeof(Point3));
        use(digest);
      });
  std::printf("{\"hit\": %.9g, \"xxh3\": %.9g, \"bytes\": %zu}\n", hit, xxh3,
              points.size() * sizeof(Point3));
  return result == expected ? 0 : 1;
}

bool check_matrix(const Eigen::MatrixXd &values) {
  return values.size() == static_cast<Eigen::Index>(big_size) &&
         values.data()[12345] == 12345 * 0.5 + 3;
}

int matrix_result(int repetitions) {
  bool ok = check_matrix(ramp_matrix(3)); // the miss, or a hit from an earlier run
  const double hit =
      median_seconds(repetitions, [&] { ok = check_matrix(ramp_matrix(3)) && ok; });
  std::printf("{\"hit\": %.9g, \"bytes\": %zu}\n", hit, big_size * sizeof(double));
  return ok ? 0 : 1;
}

int matrix_result_once() {
  bool ok = false;
  const double hit = median_seconds(1, [&] { ok = check_matrix(ramp_matrix(3)); });
  std::printf("{\"hit\": %.9g, \"bytes\": %zu}\n", hit, big_size * sizeof(double));
  return ok ? 0 : 1;
}

int first_fib() {
  std::uint64_t value = 0;
  const double elapsed = median_seconds(1, [&] { value = fib(90); });
  std::printf("{\"first_run\": %.9g}\n", elapsed);
  return value == 2880067194370816120ULL ? 0 : 1;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: workloads CACHE_DIR WORKLOAD [COUNT]\n");
    return 2;
  }
  cache_dir = argv[1];
  const std::string workload = argv[2];
  const long count = argc > 3 ? std::atol(argv[3]) : 1;
  if (workload == "small-hit")
    return small_hit(count);
  if (workload == "first-call")
    return first_call();
  if (workload == "big-argument")
    return big_argument(static_cast<int>(count));
  if (workload == "big-result")
    return big_result(static_cast<int>(count));
  if (workload == "big-result-once")
    return big_result_once();
  if (workload == "first-hits")
    return first_hits(static_cast<int>(count));
  if (workload == "copy-limit")
    return copy_limit(static_cast<int>(count));
  if (workload == "fib")
    return first_fib();
  if (workload == "points-argument")
    return points_argument(static_cast<int>(count));
  if (workload == "matrix-result")
    return matrix_result(static_cast<int>(count));
  if (workload == "matrix-result-once")
    return matrix_result_once();
  std::fprintf(stderr, "unknown workload %s\n", workload.c_str());
  return 2;
}
