// A two-step data pipeline: load and clean raw measurements, then summarize them.
// Both steps are cached on disk: run the program twice and the second run reads the
// results back instead of recomputing them.
//
//   clang++-19 -std=c++17 -O2 -fplugin=<prefix>/lib/cachepy/cachepy-plugin.so \
//       -I<prefix>/include pipeline.cpp -L<prefix>/lib -lcachepy -o pipeline

#include <cachepy/cachepy.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

struct Summary {
  std::size_t count = 0;
  double mean = 0;
  double stddev = 0;
  std::vector<std::size_t> histogram; // stored as the plugin derives it: no code needed
};

// Step 1: the slow part of a real pipeline (parsing, calibration, outlier removal),
// simulated on a deterministic stream of noisy sensor readings.
[[cachepy::cache_file("pipeline_cache", version="1")]]
std::vector<double> load_measurements(const std::string &sensor, int samples) {
  std::printf("  executing load_measurements(%s, %d)\n", sensor.c_str(), samples);
  std::mt19937_64 random(std::hash<std::string>{}(sensor));
  std::normal_distribution<double> noise(20.0, 4.0);
  std::vector<double> cleaned;
  cleaned.reserve(samples);
  for (int i = 0; i < samples; ++i) {
    double reading = noise(random);
    for (int pass = 0; pass < 40; ++pass) // calibration passes
      reading = reading + 0.001 * std::sin(reading * pass);
    if (std::abs(reading - 20.0) < 12.0) // drop outliers
      cleaned.push_back(reading);
  }
  return cleaned;
}

// Step 2: statistics over the cleaned data.
[[cachepy::cache_file("pipeline_cache")]]
Summary summarize(const std::vector<double> &data, int bins) {
  std::printf("  executing summarize(%zu values, %d bins)\n", data.size(), bins);
  Summary summary;
  summary.count = data.size();
  for (double value : data)
    summary.mean += value / data.size();
  for (double value : data)
    summary.stddev += (value - summary.mean) * (value - summary.mean) / data.size();
  summary.stddev = std::sqrt(summary.stddev);
  summary.histogram.assign(bins, 0);
  for (double value : data) {
    int bin = static_cast<int>((value - 8.0) / 24.0 * bins);
    summary.histogram[std::min(std::max(bin, 0), bins - 1)]++;
  }
  return summary;
}

int main() {
  const auto start = std::chrono::steady_clock::now();
  const std::vector<double> data = load_measurements("thermistor-7", 2'000'000);
  const Summary summary = summarize(data, 8);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;

  std::printf("  %zu readings, mean %.3f, stddev %.3f\n  histogram:", summary.count,
              summary.mean, summary.stddev);
  for (std::size_t count : summary.histogram)
    std::printf(" %zu", count);
  std::printf("\n  pipeline took %.3f s\n", elapsed.count());
}
