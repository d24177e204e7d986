// Private to the extractor: a span of an analysed text's folded bytes, and
// the small reads the entity matcher's parts share (a word's text, a span's
// original text, the words a span covers).
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "bilik/entity_matcher.h"

namespace bilik {

struct Span {
  size_t start = 0, end = 0;  // folded bytes
  bool valid() const { return end > start; }
};

inline std::string_view word_text(const AnalyzedText& t, size_t i) {
  return std::string_view(t.folded.text).substr(t.words[i].start, t.words[i].end - t.words[i].start);
}

// The original text of folded [start, end).
inline std::string original_of(std::string_view original, const FoldedText& f, size_t start, size_t end) {
  const size_t from = f.origin[start], to = f.origin[end];
  return std::string(original.substr(from, to - from));
}

// The words of [start, end), as an index range.
inline std::pair<size_t, size_t> words_in(const AnalyzedText& t, Span s) {
  size_t first = word_at_or_after(t.words, s.start);
  size_t last = first;
  while (last < t.words.size() && t.words[last].end <= s.end) ++last;
  return {first, last};
}

}  // namespace bilik
