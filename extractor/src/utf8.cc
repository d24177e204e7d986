#include "bilik/utf8.h"

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <vector>

namespace bilik {

size_t decode_utf8_sequence(std::string_view s, size_t pos, char32_t& out) {
  out = 0xFFFD;
  if (pos >= s.size()) return 0;
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    out = b0;
    return 1;
  }
  size_t len;
  char32_t cp;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (pos + len > s.size()) return 0;
  for (size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
  if (overlong || surrogate || cp > 0x10FFFF) return 0;
  out = cp;
  return len;
}

size_t first_invalid_utf8(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    char32_t cp;
    const size_t len = decode_utf8(s, pos, cp);
    if (len == 0) return pos;
    pos += len;
  }
  return std::string_view::npos;
}

std::string describe_invalid_utf8(std::string_view s, size_t pos) {
  char hex[8];
  const auto b0 = static_cast<unsigned char>(s[pos]);
  std::snprintf(hex, sizeof hex, "0x%02X", b0);
  if (b0 >= 0x80 && b0 <= 0xBF) return std::string("a continuation byte (") + hex + ") with no lead byte";
  if (b0 == 0xC0 || b0 == 0xC1) return std::string("an overlong encoding (lead byte ") + hex + ")";
  if (b0 >= 0xF5) return std::string("byte ") + hex + ", which never occurs in UTF-8";
  const size_t len = b0 <= 0xDF ? 2 : b0 <= 0xEF ? 3 : 4;
  char32_t cp = b0 & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (size_t i = 1; i < len; ++i) {
    if (pos + i >= s.size()) return "a " + std::to_string(len) + "-byte sequence cut short by the end of the text";
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) return "a " + std::to_string(len) + "-byte sequence cut short after " + std::to_string(i) +
                                   (i == 1 ? " byte" : " bytes");
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp >= 0xD800 && cp <= 0xDFFF) return "an encoded UTF-16 surrogate";
  if (cp > 0x10FFFF) return "a code point past U+10FFFF";
  return "an overlong encoding";
}

size_t encode_utf8(char32_t c, char out[4]) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

void append_utf8_sequence(std::string& out, char32_t c) {
  char bytes[4];
  out.append(bytes, encode_utf8(c, bytes));
}

std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (size_t pos = 0; pos < s.size();) {
    char32_t c;
    const size_t len = decode_utf8(s, pos, c);
    out += c;
    pos += len ? len : 1;
  }
  return out;
}

size_t edit_distance(std::string_view a8, std::string_view b8) {
  const std::u32string a = code_points(a8), b = code_points(b8);
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace bilik
