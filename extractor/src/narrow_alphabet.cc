#include "narrow_alphabet.h"

#include <cstdint>
#include <cstring>

namespace bilik {
namespace {

// The narrow alphabet's letters, digits and marks, as written in a class.
constexpr std::string_view kLetters = "A-Za-zçğıöşüə";
constexpr std::string_view kDigits = "0-9";
constexpr std::string_view kNoMark = "\\x{300}";  // a mark outside the alphabet: matches nothing in it

// Whether bytes a b are one of ç ğ ı ö ş ü ə.
bool azerbaijani_letter(unsigned char a, unsigned char b) {
  switch (a << 8 | b) {
    case 0xC3A7: case 0xC49F: case 0xC4B1: case 0xC3B6: case 0xC59F: case 0xC3BC: case 0xC999:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::optional<std::string> narrowed_pattern(std::string_view p) {
  std::string out;
  out.reserve(p.size());
  bool in_class = false;
  bool narrowed = false;
  for (size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      if (i + 1 >= p.size()) return std::nullopt;
      const char kind = p[i + 1];
      if (kind == 'Q' || kind == 'P') return std::nullopt;
      if (kind == 'p') {
        const std::string_view property = p.substr(i, 5);
        std::string_view part;
        if (property == "\\p{L}") part = kLetters;
        else if (property == "\\p{N}") part = kDigits;
        else if (property == "\\p{M}") part = kNoMark;
        else return std::nullopt;
        if (in_class || part == kNoMark) {
          out += part;
        } else {
          out += '[';
          out += part;
          out += ']';
        }
        narrowed = true;
        i += 4;
        // RE2 reads no range from a class escape, so a "-" after one is a
        // literal ("[\p{L}-’]" holds "-"); after the part's last character
        // it would open one ("ə-’"), unless the class closes after it.
        if (in_class && i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
          out += "\\-";
          ++i;
        }
        continue;
      }
      out += c;  // any other escape ("\x{259}" goes on as plain bytes)
      out += kind;
      ++i;
      continue;
    }
    if (in_class) {
      if (c == '[' && i + 1 < p.size() && p[i + 1] == ':') return std::nullopt;
      if (c == ']') in_class = false;
      out += c;
      continue;
    }
    out += c;
    if (c == '[') {  // a class opens: "^" and a "]" right after it are its own
      in_class = true;
      if (i + 1 < p.size() && p[i + 1] == '^') out += p[++i];
      if (i + 1 < p.size() && p[i + 1] == ']') out += p[++i];
    }
  }
  if (in_class || !narrowed) return std::nullopt;
  return out;
}

bool in_narrow_alphabet(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  for (size_t i = 0; i < n;) {
    uint64_t eight;  // eight ASCII bytes at a time, the common case
    if (i + 8 <= n && (std::memcpy(&eight, s + i, 8), (eight & kHighBits) == 0)) {
      i += 8;
    } else if (s[i] < 0x80) {
      ++i;
    } else if (i + 1 < n && azerbaijani_letter(s[i], s[i + 1])) {
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace bilik
