// UTF-8 decoding and validation.
//
// bilik stores documents exactly as read, so every offset it writes is a byte
// offset into the original UTF-8. These helpers decode one code point at a
// time and find the first invalid byte (overlong forms, surrogates and code
// points past U+10FFFF are invalid), so readers can name the byte offset.
//
//   size_t bad = first_invalid_utf8(bytes);   // npos when valid
//   char32_t c; size_t len = decode_utf8(text, pos, c);
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace bilik {

// Decodes the code point at `pos`; returns its length in bytes (1..4), or 0
// when the bytes there are not valid UTF-8 (then `out` is U+FFFD).
size_t decode_utf8_sequence(std::string_view text, size_t pos, char32_t& out);
inline size_t decode_utf8(std::string_view text, size_t pos, char32_t& out) {
  if (pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80) {  // ASCII, inline
    out = static_cast<unsigned char>(text[pos]);
    return 1;
  }
  // Two bytes (Latin letters such as ə, ş, ğ), inline: a lead byte C2..DF
  // and a continuation byte; C0 and C1 would be overlong.
  if (pos + 1 < text.size()) {
    const unsigned char lead = static_cast<unsigned char>(text[pos]);
    const unsigned char next = static_cast<unsigned char>(text[pos + 1]);
    if (lead >= 0xC2 && lead <= 0xDF && (next & 0xC0) == 0x80) {
      out = static_cast<char32_t>(((lead & 0x1F) << 6) | (next & 0x3F));
      return 2;
    }
  }
  return decode_utf8_sequence(text, pos, out);
}

// The code points of `text`, an invalid byte read as U+FFFD.
std::u32string code_points(std::string_view text);

// Byte offset of the first invalid sequence, or std::string_view::npos.
size_t first_invalid_utf8(std::string_view text);

// What is wrong at `pos`, which first_invalid_utf8 reported: "an overlong
// encoding", "an encoded UTF-16 surrogate", "a 3-byte sequence cut short ...".
std::string describe_invalid_utf8(std::string_view text, size_t pos);

// Writes the UTF-8 of `c` to `out`; returns its length in bytes (1..4).
size_t encode_utf8(char32_t c, char out[4]);
void append_utf8_sequence(std::string& out, char32_t c);
inline void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) out += static_cast<char>(c);  // ASCII, inline
  else append_utf8_sequence(out, c);
}

// Levenshtein distance between two UTF-8 strings, counted in code points
// ("Sezər" and "Sezəri" are 1 apart), for near-miss spellings and "did you
// mean" suggestions. Costs O(|a|·|b|) time and O(|b|) memory.
size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace bilik
