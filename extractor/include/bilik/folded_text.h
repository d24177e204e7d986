// The folded copy of a document that every matcher reads.
//
// Matching happens on one normalised, Turkic-lower-cased copy of the text:
// Unicode NFC (per combining cluster), I→ı and İ→i before generic lowering,
// every kind of quote folded to '"' or '\'', dashes to '-', exotic spaces to
// ' ', footnote marks (¹²³…) and Markdown emphasis ('*') to ' ', zero-width
// characters and soft hyphens dropped. `origin` maps each folded byte back to
// the byte offset in the original where its source character starts, so any
// folded span [s, e) is the original span [origin[s], origin[e]).
// Costs one pass and ~5 bytes of memory per input byte.
//
//   FoldedText f = fold_text(original);
//   size_t from = f.origin[s], to = f.origin[e];   // original byte span
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bilik {

struct FoldedText {
  std::string text;
  std::vector<uint32_t> origin;  // text.size() + 1 entries
  std::vector<uint8_t> upper;    // per folded byte: 1 when its source character was upper/title case

  bool is_upper_at(size_t pos) const { return pos < upper.size() && upper[pos]; }
};

FoldedText fold_text(std::string_view original);

// The comparison key of a name: folded, with hyphens, quotes, punctuation and
// runs of spaces reduced to single spaces, trimmed. "Nur-Sultan" and
// "NUR SULTAN" share the key "nur sultan".
std::string fold_key(std::string_view name);

// The words of a key ("nur sultan" → {"nur", "sultan"}).
std::vector<std::string> key_words(std::string_view key);

// A name as shown to users: NFC, quotes removed, whitespace collapsed.
std::string display_name(std::string_view original_span);

// Turkic lower-casing of one code point (I→ı, İ→i, otherwise Unicode simple).
char32_t turkic_lower(char32_t c);
bool is_word_char_unicode(char32_t c);
// A letter, digit or combining mark (ICU's classes; ASCII inline).
inline bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  switch (c) {  // the Azerbaijani letters outside ASCII, without asking ICU
    case U'ə': case U'ı': case U'ö': case U'ü': case U'ç': case U'ş': case U'ğ':
    case U'Ə': case U'İ': case U'Ö': case U'Ü': case U'Ç': case U'Ş': case U'Ğ':
      return true;
    default:
      return is_word_char_unicode(c);
  }
}
bool is_vowel_letter(char32_t c);

}  // namespace bilik
