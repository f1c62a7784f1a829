// The other standard vocabulary types are arguments and results, in each storage
// format: std::bitset (of one chunk and of several), std::complex, std::byte (alone and
// in a vector), std::filesystem::path, std::optional (empty too), std::variant (each
// alternative, std::monostate included), std::tuple (the empty one too) and std::pair.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy %s %cachepy_link -o prog
// RUN: sh %S/Inputs/run-twice.sh binary && sh %S/Inputs/run-twice.sh portable_binary
// RUN: sh %S/Inputs/run-twice.sh json
// RUN: FileCheck %s --input-file=binary/second.txt
// RUN: FileCheck %s --input-file=portable_binary/second.txt
// RUN: FileCheck %s --input-file=json/second.txt

#include <cachepy/cachepy.hpp>

#include <bitset>
#include <complex>
#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

[[cachepy::cache_file("cache")]]
std::bitset<8> flipped(std::bitset<8> bits) { return ~bits; }

[[cachepy::cache_file("cache")]]
std::bitset<100> shifted(const std::bitset<100> &bits) { return bits << 90; }

[[cachepy::cache_file("cache")]]
std::complex<double> squared(std::complex<double> z) { return z * z; }

[[cachepy::cache_file("cache")]]
std::complex<float> conjugated(std::complex<float> z) { return std::conj(z); }

[[cachepy::cache_file("cache")]]
std::byte masked(std::byte b) { return b & std::byte{0x0f}; }

[[cachepy::cache_file("cache")]]
std::vector<std::byte> bytes_of(const std::vector<std::byte> &in) {
  std::vector<std::byte> out = in;
  out.push_back(std::byte{0xff});
  return out;
}

[[cachepy::cache_file("cache")]]
std::filesystem::path output_for(const std::filesystem::path &input) {
  return std::filesystem::path("out") / input.filename().replace_extension(".csv");
}

[[cachepy::cache_file("cache")]]
std::optional<std::string> named(std::optional<int> id) {
  if (!id)
    return std::nullopt;
  return "item" + std::to_string(*id);
}

using Value = std::variant<std::monostate, int, std::string, std::vector<double>>;
[[cachepy::cache_file("cache")]]
Value parsed(const std::string &text) {
  if (text.empty())
    return std::monostate{};
  if (text == "list")
    return std::vector<double>{1.5, 2.5};
  if (text[0] >= '0' && text[0] <= '9')
    return std::stoi(text);
  return text;
}

[[cachepy::cache_file("cache")]]
std::tuple<int, std::string, double> triple(std::tuple<> none, std::pair<int, std::string> p) {
  return {p.first, p.second, 0.25};
}

[[cachepy::cache_file("cache")]]
std::pair<std::tuple<>, std::pair<int, int>> nothing(std::tuple<int, char> t) {
  return {{}, {std::get<0>(t), std::get<1>(t)}};
}

void show(const Value &v) {
  std::printf("parsed:");
  if (std::holds_alternative<std::monostate>(v))
    std::printf(" monostate");
  else if (auto *i = std::get_if<int>(&v))
    std::printf(" int %d", *i);
  else if (auto *s = std::get_if<std::string>(&v))
    std::printf(" string %s", s->c_str());
  else
    for (double d : std::get<std::vector<double>>(v))
      std::printf(" %g", d);
  std::printf(" (index %zu)\n", v.index());
}

int main() {
  std::printf("flipped: %s\n", flipped(std::bitset<8>("10100000")).to_string().c_str());
  std::bitset<100> bits;
  bits.set(3);
  bits.set(9);
  std::printf("shifted: %s\n", shifted(bits).to_string().substr(0, 12).c_str());
  const std::complex<double> z = squared({1, 2});
  const std::complex<float> w = conjugated({1.5f, -0.5f});
  std::printf("complex: %g %g %g %g\n", z.real(), z.imag(), w.real(), w.imag());
  std::printf("byte: %d\n", std::to_integer<int>(masked(std::byte{0xab})));
  std::printf("bytes:");
  for (std::byte b : bytes_of({std::byte{1}, std::byte{0}}))
    std::printf(" %d", std::to_integer<int>(b));
  std::printf("\n");
  std::printf("path: %s\n", output_for("data/run1.txt").generic_string().c_str());
  const std::optional<std::string> some = named(3), none = named(std::nullopt);
  std::printf("optional: %s %s\n", some ? some->c_str() : "none", none ? none->c_str() : "none");
  for (const char *text : {"", "12", "abc", "list"})
    show(parsed(text));
  const auto [n, s, d] = triple({}, {4, "four"});
  std::printf("tuple: %d %s %g\n", n, s.c_str(), d);
  std::printf("pair: %d %c\n", nothing({5, 'x'}).second.first, nothing({5, 'x'}).second.second);
}
// CHECK: flipped: 01011111
// CHECK-NEXT: shifted: 100000100000
// CHECK-NEXT: complex: -3 4 1.5 0.5
// CHECK-NEXT: byte: 11
// CHECK-NEXT: bytes: 1 0 255
// CHECK-NEXT: path: out/run1.csv
// CHECK-NEXT: optional: item3 none
// CHECK-NEXT: parsed: monostate (index 0)
// CHECK-NEXT: parsed: int 12 (index 1)
// CHECK-NEXT: parsed: string abc (index 2)
// CHECK-NEXT: parsed: 1.5 2.5 (index 3)
// CHECK-NEXT: tuple: 4 four 0.25
// CHECK-NEXT: pair: 5 x
