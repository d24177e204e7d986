#include "bilik/segmenter.h"

#include <algorithm>
#include <array>

#include "bilik/stop.h"
#include "bilik/utf8.h"

namespace bilik {
namespace {

bool is_glue(char c) { return c == '-' || c == '"' || c == '\''; }

// ASCII letters and digits.
constexpr std::array<bool, 256> kAsciiWordByte = [] {
  std::array<bool, 256> word{};
  for (int b = 0; b < 0x80; ++b) word[b] = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
  return word;
}();

// The bytes a sentence may end at: a line break, '.', '!', '?', and the
// first byte of '…' (E2 80 A6).
constexpr std::array<bool, 256> kSentenceEndByte = [] {
  std::array<bool, 256> end{};
  for (unsigned char b : {'\n', '.', '!', '?', '\xE2'}) end[b] = true;
  return end;
}();

bool starts_sentence(const FoldedText& f, size_t pos) {
  if (pos >= f.text.size()) return false;
  const char c = f.text[pos];
  if (c == '"' || c == '-' || c == '(' || (c >= '0' && c <= '9')) return true;
  return f.is_upper_at(pos);
}

}  // namespace

std::vector<Word> split_words(const FoldedText& f) {
  std::vector<Word> words;
  words.reserve(f.text.size() / 6);
  const std::string& s = f.text;
  // Read through a pointer: each push_back could otherwise be taken to change f.upper.
  const uint8_t* const upper = f.upper.data();
  size_t pos = 0, steps = 0;
  while (pos < s.size() && ((++steps & 0xFFFF) != 0 || !stop_requested())) {
    const unsigned char b = static_cast<unsigned char>(s[pos]);
    char32_t c;
    size_t len = 1;
    if (b < 0x80) {
      if (!kAsciiWordByte[b]) {
        ++pos;
        continue;
      }
      c = b;
    } else {
      len = decode_utf8(s, pos, c);
      if (len == 0) len = 1;
      if (!is_word_char(c)) {
        pos += len;
        continue;
      }
    }
    Word w;
    w.start = static_cast<uint32_t>(pos);
    w.capitalized = upper[pos];
    w.numeric = c >= '0' && c <= '9';
    size_t letters = 0, upper_letters = 0;
    while (pos < s.size()) {
      const unsigned char next = static_cast<unsigned char>(s[pos]);
      if (next < 0x80) {
        if (!kAsciiWordByte[next]) break;
        c = next;
        len = 1;
      } else {
        len = decode_utf8(s, pos, c);
        if (len == 0 || !is_word_char(c)) break;
      }
      if (!(c >= '0' && c <= '9')) {
        ++letters;
        upper_letters += upper[pos];
      }
      pos += len;
    }
    w.end = static_cast<uint32_t>(pos);
    w.all_caps = letters >= 2 && letters == upper_letters;
    w.glued = !words.empty() && words.back().end + 1 == w.start && is_glue(s[w.start - 1]);
    words.push_back(w);
  }
  return words;
}

std::vector<Sentence> split_sentences(const FoldedText& f, const std::vector<Word>& words,
                                      const WordSet& abbreviations) {
  std::vector<Sentence> sentences;
  const std::string& s = f.text;
  size_t start = 0;
  auto blank = [&](size_t i) { return s[i] == ' ' || s[i] == '\n'; };
  auto emit = [&](size_t from, size_t to) {
    Sentence sent;
    sent.start = static_cast<uint32_t>(from);
    sent.end = static_cast<uint32_t>(to);
    sent.first_word = static_cast<uint32_t>(word_at_or_after(words, from));
    sent.end_word = static_cast<uint32_t>(word_at_or_after(words, to));
    if (sent.end_word > sent.first_word) sentences.push_back(sent);
  };
  auto close = [&](size_t end) {
    while (start < end && blank(start)) ++start;
    size_t e = end;
    while (e > start && blank(e - 1)) --e;
    // A run of text with no sentence end (a document with no full stop) is
    // cut at spaces into pieces of at most kMaxSentenceBytes.
    while (e - start > kMaxSentenceBytes) {
      size_t cut = start + kMaxSentenceBytes;
      while (cut > start && !blank(cut)) --cut;
      if (cut == start) {  // one word longer than the bound stays whole
        cut = start + kMaxSentenceBytes;
        while (cut < e && !blank(cut)) ++cut;
      }
      emit(start, cut);
      start = cut;
      while (start < e && blank(start)) ++start;
    }
    if (e > start) emit(start, e);
    start = end;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    while (i < s.size() && !kSentenceEndByte[static_cast<unsigned char>(s[i])]) ++i;
    if (i == s.size()) break;
    const char c = s[i];
    if (c == '\n') {
      size_t next = i;
      while (next < s.size() && (s[next] == '\n' || s[next] == ' ')) ++next;
      size_t prev = i;
      while (prev > start && s[prev - 1] == ' ') --prev;
      const char before = prev > start ? s[prev - 1] : '.';
      const bool ended = before == '.' || before == '!' || before == '?' || before == ':' ||
                         before == ';' || before == '"';
      if (next >= s.size() || ended || starts_sentence(f, next)) close(i);
      i = next - 1;
      continue;
    }
    const bool ellipsis = static_cast<unsigned char>(c) == 0xE2 && i + 2 < s.size() &&
                          static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                          static_cast<unsigned char>(s[i + 2]) == 0xA6;
    if (c != '.' && c != '!' && c != '?' && !ellipsis) continue;
    size_t after = i + (ellipsis ? 3 : 1);
    while (after < s.size() && (s[after] == '.' || s[after] == '!' || s[after] == '?' ||
                                s[after] == '"' || s[after] == ')')) {
      ++after;
    }
    if (after < s.size() && s[after] != ' ' && s[after] != '\n') continue;
    size_t next = after;
    while (next < s.size() && s[next] == ' ') ++next;
    if (next < s.size() && s[next] != '\n' && !starts_sentence(f, next)) continue;
    if (c == '.') {
      // The word before the dot: an initial ("A.") or a known abbreviation.
      size_t w = word_at_or_after(words, i);
      if (w > 0 && words[w - 1].end == i) {
        const Word& prev = words[w - 1];
        const std::string token = s.substr(prev.start, prev.end - prev.start);
        char32_t first;
        const size_t first_len = decode_utf8(token, 0, first);
        if ((first_len == token.size() && prev.capitalized) || abbreviations.count(token)) continue;
      }
    }
    close(after);
    i = after - 1;
  }
  close(s.size());
  return sentences;
}

size_t word_at_or_after(const std::vector<Word>& words, size_t pos) {
  auto it = std::lower_bound(words.begin(), words.end(), pos,
                             [](const Word& w, size_t p) { return w.end <= p; });
  return static_cast<size_t>(it - words.begin());
}

}  // namespace bilik
