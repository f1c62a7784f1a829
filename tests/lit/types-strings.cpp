// Every standard string type is an argument and a result, in each storage format:
// std::string (NUL bytes included, which JSON once cut short), std::u8string (C++20),
// std::u16string, std::u32string and std::wstring; std::string_view and C strings as
// arguments, alone or inside another type (their characters enter the key). Arguments
// that differ only after a NUL are two entries.
//
// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clangxx %cachepy -std=c++20 %s %cachepy_link -o prog
// RUN: sh %S/Inputs/run-twice.sh binary && sh %S/Inputs/run-twice.sh portable_binary
// RUN: sh %S/Inputs/run-twice.sh json
// RUN: FileCheck %s --input-file=binary/second.txt
// RUN: FileCheck %s --input-file=portable_binary/second.txt
// RUN: FileCheck %s --input-file=json/second.txt

#include <cachepy/cachepy.hpp>

#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

// Each code unit in hex, so that NUL bytes and wide characters show.
template <class String> void show(const char *name, const String &text) {
  std::printf("%s:", name);
  for (auto unit : text)
    std::printf(" %lx", static_cast<unsigned long>(std::make_unsigned_t<decltype(unit)>(unit)));
  std::printf("\n");
}

[[cachepy::cache_file("cache")]]
std::string narrow(const std::string &text) { return text + std::string("\0!", 2); }

[[cachepy::cache_file("cache")]]
std::u8string utf8(const std::u8string &text) { return text + u8"\u00e9"; }

[[cachepy::cache_file("cache")]]
std::u16string utf16(std::u16string text) { return text + u"\u00e9"; }

[[cachepy::cache_file("cache")]]
std::u32string utf32(const std::u32string &text) { return text + U"\U0001F600"; }

[[cachepy::cache_file("cache")]]
std::wstring wide(const std::wstring &text) { return text + L"\u00e9"; }

[[cachepy::cache_file("cache")]]
std::string joined(std::string_view head, const char *tail) { return std::string(head) + tail; }

[[cachepy::cache_file("cache")]]
std::string concatenated(const std::vector<std::string_view> &parts) {
  std::string out;
  for (std::string_view part : parts)
    out += part;
  return out;
}

int main() {
  show("narrow", narrow(std::string("a\0b", 3)));
  show("narrow", narrow(std::string("a\0c", 3)));
  show("narrow", narrow(""));
  show("utf8", utf8(u8"x\u00fc"));
  show("utf16", utf16(u"y"));
  show("utf32", utf32(U"z"));
  show("wide", wide(L"w\u00fc"));
  show("joined", joined("ab", "cd"));
  show("joined", joined(std::string_view("ab\0", 3), "cd"));
  show("concatenated", concatenated({"ab", "c"}));
  show("concatenated", concatenated({"ab", "d"}));
}
// CHECK: narrow: 61 0 62 0 21
// CHECK-NEXT: narrow: 61 0 63 0 21
// CHECK-NEXT: narrow: 0 21
// CHECK-NEXT: utf8: 78 c3 bc c3 a9
// CHECK-NEXT: utf16: 79 e9
// CHECK-NEXT: utf32: 7a 1f600
// CHECK-NEXT: wide: 77 fc e9
// CHECK-NEXT: joined: 61 62 63 64
// CHECK-NEXT: joined: 61 62 0 63 64
// CHECK-NEXT: concatenated: 61 62 63
// CHECK-NEXT: concatenated: 61 62 64
