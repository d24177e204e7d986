#include "bilik/folded_text.h"

#include <algorithm>
#include <array>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "bilik/stop.h"
#include "bilik/utf8.h"

namespace bilik {
namespace {

enum class Fold { Keep, Drop, Space };

// Punctuation and spacing that folds to something fixed, or nothing.
Fold classify(char32_t c, char32_t& replacement) {
  switch (c) {
    case U'“': case U'”': case U'„': case U'‟': case U'«': case U'»': case U'″':
      replacement = U'"';
      return Fold::Keep;
    case U'‘': case U'’': case U'‚': case U'‛': case U'ʼ': case U'`': case U'´':
      replacement = U'\'';
      return Fold::Keep;
    case U'‐': case U'‑': case U'‒': case U'–': case U'—': case U'−':
      replacement = U'-';
      return Fold::Keep;
    case U'\u00AD': case U'\u200B': case U'\u200C': case U'\u200D': case U'\uFEFF':
      return Fold::Drop;
    case U'¹': case U'²': case U'³': case U'*': case U'\t': case U'\r': case U'\u00A0':
    case U'\u202F': case U'\u205F': case U'\u3000':
      return Fold::Space;
    default:
      break;
  }
  if ((c >= U'\u2070' && c <= U'\u209F') || (c >= U'\u2000' && c <= U'\u200A')) return Fold::Space;
  replacement = c;
  return Fold::Keep;
}

bool is_combining(char32_t c) {
  return u_getCombiningClass(static_cast<UChar32>(c)) != 0 ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

// NFC of one base character and the combining marks after it.
std::u32string compose(std::u32string_view cluster) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString in;
  for (char32_t c : cluster) in.append(static_cast<UChar32>(c));
  icu::UnicodeString out = U_SUCCESS(status) ? nfc->normalize(in, status) : in;
  if (U_FAILURE(status)) out = in;
  std::u32string result;
  for (int32_t i = 0; i < out.length();) {
    const UChar32 c = out.char32At(i);
    result += static_cast<char32_t>(c);
    i += U16_LENGTH(c);
  }
  // A dotted capital İ decomposed as I + U+0307, or lower-cased as i + U+0307.
  if (result.size() == 2 && (result[0] == U'I' || result[0] == U'i') && result[1] == U'\u0307')
    return std::u32string(1, U'İ');
  return result;
}

}  // namespace

char32_t turkic_lower(char32_t c) {
  if (c == U'I') return U'ı';
  if (c == U'İ') return U'i';
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

bool is_word_char_unicode(char32_t c) {
  const auto u = static_cast<UChar32>(c);
  return u_isalpha(u) || u_isdigit(u) || u_charType(u) == U_NON_SPACING_MARK ||
         u_charType(u) == U_COMBINING_SPACING_MARK;
}

bool is_vowel_letter(char32_t c) {
  switch (turkic_lower(c)) {
    case U'a': case U'ı': case U'o': case U'u': case U'e': case U'ə': case U'i': case U'ö': case U'ü':
      return true;
    default:
      return false;
  }
}

namespace {

// The Azerbaijani letters outside ASCII, lower-cased (İ → i), with whether
// they were upper case; false for any other character.
bool azerbaijani_letter(char32_t c, char32_t& lower, bool& up) {
  switch (c) {
    case U'ə': case U'ı': case U'ö': case U'ü': case U'ç': case U'ş': case U'ğ':
      lower = c;
      up = false;
      return true;
    case U'Ə': lower = U'ə'; break;
    case U'İ': lower = U'i'; break;
    case U'Ö': lower = U'ö'; break;
    case U'Ü': lower = U'ü'; break;
    case U'Ç': lower = U'ç'; break;
    case U'Ş': lower = U'ş'; break;
    case U'Ğ': lower = U'ğ'; break;
    default: return false;
  }
  up = true;
  return true;
}

// Folds the character at `pos` of `original` with the combining marks after
// it: emit(folded, start of its source character, upper) for each character
// kept. Returns where the next character starts.
template <typename Emit>
size_t fold_one(std::string_view original, size_t pos, std::u32string& cluster, Emit emit) {
  const size_t start = pos;
  char32_t c;
  size_t len = decode_utf8(original, pos, c);
  if (len == 0) len = 1;  // invalid byte: folded as U+FFFD
  pos += len;
  // Nothing below U+0300 combines, and its UTF-8 starts below 0xCC: the
  // common case (ASCII, Azerbaijani letters) skips ICU entirely.
  const bool marks_follow = pos < original.size() && static_cast<unsigned char>(original[pos]) >= 0xCC;
  if (!marks_follow && c < 0x80 && c != '*' && c != '\t' && c != '\r' && c != '`') {
    const bool up = c >= 'A' && c <= 'Z';
    emit(up ? turkic_lower(c) : c, start, up);
    return pos;
  }
  char32_t lower;
  bool up;
  if (!marks_follow && azerbaijani_letter(c, lower, up)) {
    emit(lower, start, up);
    return pos;
  }
  cluster.assign(1, c);
  while (marks_follow && pos < original.size()) {
    char32_t mark;
    const size_t mlen = decode_utf8(original, pos, mark);
    if (mlen == 0 || !is_combining(mark)) break;
    cluster += mark;
    pos += mlen;
  }
  const std::u32string composed = cluster.size() > 1 ? compose(cluster) : cluster;
  for (char32_t ch : composed) {
    char32_t folded;
    const Fold kind = classify(ch, folded);
    if (kind == Fold::Drop) continue;
    if (kind == Fold::Space) folded = U' ';
    const bool up = kind == Fold::Keep && (u_isupper(static_cast<UChar32>(ch)) ||
                                           u_istitle(static_cast<UChar32>(ch)));
    if (kind == Fold::Keep) folded = turkic_lower(folded);
    emit(folded, start, up);
  }
  return pos;
}

// Folds `original` one character at a time (see fold_one); ASCII and the
// Azerbaijani letters with no combining mark after them take a quick path.
template <typename Emit>
void fold_each(std::string_view original, Emit emit) {
  size_t pos = 0, steps = 0;
  std::u32string cluster;
  auto no_mark_at = [&](size_t i) { return i >= original.size() || static_cast<unsigned char>(original[i]) < 0xCC; };
  // A stopped extraction is dropped, so its folding may end early.
  while (pos < original.size() && ((++steps & 0xFFFF) != 0 || !stop_requested())) {
    const unsigned char b = static_cast<unsigned char>(original[pos]);
    if (b < 0x80 && b != '*' && b != '\t' && b != '\r' && b != '`' && no_mark_at(pos + 1)) {
      const bool up = b >= 'A' && b <= 'Z';
      emit(up ? turkic_lower(b) : b, pos, up);
      ++pos;
      continue;
    }
    char32_t c, lower;
    bool up;
    if (b >= 0xC0 && decode_utf8(original, pos, c) == 2 && no_mark_at(pos + 2) && azerbaijani_letter(c, lower, up)) {
      emit(lower, pos, up);
      pos += 2;
      continue;
    }
    pos = fold_one(original, pos, cluster, emit);
  }
}

// A plain ASCII byte folds to one byte, itself lower-cased ('I' becomes the
// two bytes of 'ı'): fold_one's quick case, without decoding, when no
// combining mark follows it.
constexpr std::array<bool, 256> kPlainAscii = [] {
  std::array<bool, 256> plain{};
  for (int c = 0; c < 0x80; ++c) plain[c] = c != '*' && c != '\t' && c != '\r' && c != '`' && c != 'I';
  return plain;
}();

// The Azerbaijani letters' folds by their two UTF-8 bytes, indexed by the
// code point (below U+0800): the folded bytes, 0 for any other character.
struct LetterFold {
  uint8_t size = 0;
  char bytes[2] = {};
  bool up = false;
};
const std::array<LetterFold, 0x800> kLetterFolds = [] {
  std::array<LetterFold, 0x800> folds{};
  for (char32_t c = 0x80; c < 0x800; ++c) {
    char32_t lower;
    bool up;
    if (!azerbaijani_letter(c, lower, up)) continue;
    char bytes[4];
    const size_t len = encode_utf8(lower, bytes);
    if (len > 2) continue;
    folds[c] = {static_cast<uint8_t>(len), {bytes[0], len > 1 ? bytes[1] : '\0'}, up};
  }
  return folds;
}();

// Writes a folded text into buffers grown ahead of need, so each byte costs
// three stores; finish() cuts them to the bytes written.
class FoldedWriter {
 public:
  FoldedWriter(FoldedText& f, size_t expected) : f_(f) { room(expected + 16); }

  void room(size_t more) {
    if (n_ + more <= f_.text.size()) return;
    const size_t size = std::max(n_ + more, f_.text.size() * 2);
    f_.text.resize(size);
    f_.origin.resize(size);
    f_.upper.resize(size);
  }
  // Folds original[from, ...) while it holds plain ASCII bytes and
  // Azerbaijani letters (kLetterFolds), none with a combining mark after it;
  // returns where it stopped. Each source byte folds to at most one byte, so
  // it reads no further than the room left (grown only when none is).
  // Writes through raw pointers: a char store could alias the vectors' own
  // pointers, which the compiler would then reload byte by byte.
  size_t put_plain(std::string_view original, size_t from) {
    const auto* in = reinterpret_cast<const unsigned char*>(original.data());
    if (n_ == f_.text.size()) room(original.size() - from);
    const size_t n = std::min(original.size(), from + (f_.text.size() - n_));
    char* text = f_.text.data() + n_;
    uint32_t* origin = f_.origin.data() + n_;
    uint8_t* upper = f_.upper.data() + n_;
    char* const text_start = text;
    size_t i = from;
    // A byte of 0xCC or more after a character may open a combining mark.
    const size_t end = original.size();
    auto unmarked = [&](size_t next) { return next >= end || in[next] < 0xCC; };
    while (i < n) {
      const unsigned char b = in[i];
      if (kPlainAscii[b]) {
        if (!unmarked(i + 1)) break;
        const bool up = b >= 'A' && b <= 'Z';
        *text++ = static_cast<char>(up ? b + 32 : b);
        *origin++ = static_cast<uint32_t>(i);
        *upper++ = up;
        ++i;
        continue;
      }
      if (b < 0xC2 || b > 0xDF || i + 1 >= n || (in[i + 1] & 0xC0) != 0x80) break;
      const LetterFold& fold = kLetterFolds[(b & 0x1F) << 6 | (in[i + 1] & 0x3F)];
      if (fold.size == 0 || !unmarked(i + 2)) break;
      for (int k = 0; k < fold.size; ++k) {
        *text++ = fold.bytes[k];
        *origin++ = static_cast<uint32_t>(i);
        *upper++ = fold.up;
      }
      i += 2;
    }
    n_ += static_cast<size_t>(text - text_start);
    return i;
  }
  // One folded byte; room() must have been asked for it.
  void put(char c, size_t start, bool up) {
    f_.text[n_] = c;
    f_.origin[n_] = static_cast<uint32_t>(start);
    f_.upper[n_] = up;
    ++n_;
  }
  void put(char32_t c, size_t start, bool up) {
    char bytes[4];
    const size_t len = encode_utf8(c, bytes);
    room(len);
    for (size_t i = 0; i < len; ++i) put(bytes[i], start, up);
  }
  void finish(size_t original_size) {
    f_.text.resize(n_);
    f_.origin.resize(n_);
    f_.upper.resize(n_);
    f_.origin.push_back(static_cast<uint32_t>(original_size));
  }

 private:
  FoldedText& f_;
  size_t n_ = 0;
};

}  // namespace

FoldedText fold_text(std::string_view original) {
  FoldedText f;
  FoldedWriter out(f, original.size());
  auto emit = [&](char32_t folded, size_t start, bool up) { out.put(folded, start, up); };
  size_t pos = 0, steps = 0;
  std::u32string cluster;
  // A stopped extraction is dropped, so its folding may end early.
  while (pos < original.size() && ((++steps & 0xFFF) != 0 || !stop_requested())) {
    const size_t run = out.put_plain(original, pos);
    if (run > pos) {
      pos = run;
      continue;
    }
    pos = fold_one(original, pos, cluster, emit);
  }
  out.finish(original.size());
  return f;
}

std::string fold_key(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  bool pending_space = false;
  fold_each(name, [&](char32_t folded, size_t, bool) {
    if (!is_word_char(folded)) {
      pending_space = true;
      return;
    }
    if (pending_space && !key.empty()) key += ' ';
    pending_space = false;
    append_utf8(key, folded);
  });
  return key;
}

std::vector<std::string> key_words(std::string_view key) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= key.size()) {
    size_t space = key.find(' ', start);
    if (space == std::string_view::npos) space = key.size();
    if (space > start) out.emplace_back(key.substr(start, space - start));
    start = space + 1;
  }
  return out;
}

namespace {

// Whether display_name gives the span back as it is: ASCII letters, digits
// and hyphens and the Azerbaijani letters (kLetterFolds), none with a byte
// after it that may open a combining mark, and single spaces between them.
bool displays_as_is(std::string_view span) {
  const auto* in = reinterpret_cast<const unsigned char*>(span.data());
  const size_t n = span.size();
  if (n == 0 || in[0] == ' ' || in[n - 1] == ' ') return false;
  auto unmarked = [&](size_t next) { return next >= n || in[next] < 0xCC; };
  for (size_t i = 0; i < n;) {
    const unsigned char b = in[i];
    if (b == ' ') {
      if (in[i + 1] == ' ') return false;  // the span does not end in a space
      ++i;
      continue;
    }
    if (b < 0x80) {
      const bool kept = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-';
      if (!kept || !unmarked(i + 1)) return false;
      ++i;
      continue;
    }
    if (b < 0xC2 || b > 0xDF || i + 1 >= n || (in[i + 1] & 0xC0) != 0x80) return false;
    if (kLetterFolds[(b & 0x1F) << 6 | (in[i + 1] & 0x3F)].size == 0 || !unmarked(i + 2)) return false;
    i += 2;
  }
  return true;
}

}  // namespace

std::string display_name(std::string_view original_span) {
  if (displays_as_is(original_span)) return std::string(original_span);
  std::string out;
  size_t pos = 0;
  bool pending_space = false;
  std::u32string cluster;
  while (pos < original_span.size()) {
    char32_t c;
    size_t len = decode_utf8(original_span, pos, c);
    if (len == 0) len = 1;
    pos += len;
    auto put = [&](char32_t ch) {
      char32_t folded;
      const Fold kind = classify(ch, folded);
      if (kind == Fold::Drop || folded == U'"') return;
      if (kind == Fold::Space || ch == U' ' || ch == U'\n') {
        pending_space = true;
        return;
      }
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      append_utf8(out, folded == U'-' || folded == U'\'' ? folded : ch);
    };
    // No combining mark is below U+0300, whose UTF-8 starts at 0xCC.
    if (pos >= original_span.size() || static_cast<unsigned char>(original_span[pos]) < 0xCC) {
      put(c);
      continue;
    }
    cluster.assign(1, c);
    while (pos < original_span.size()) {
      char32_t mark;
      const size_t mlen = decode_utf8(original_span, pos, mark);
      if (mlen == 0 || !is_combining(mark)) break;
      cluster += mark;
      pos += mlen;
    }
    for (char32_t ch : cluster.size() > 1 ? compose(cluster) : cluster) put(ch);
  }
  return out;
}

}  // namespace bilik
