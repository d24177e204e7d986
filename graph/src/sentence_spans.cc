#include "sentence_spans.h"

#include <algorithm>

#include "bilik/folded_text.h"
#include "bilik/segmenter.h"

namespace bilik {

std::string encode_sentences(const SentenceSpans& spans) {
  std::string out;
  out.reserve(spans.size() * 8);
  for (const auto& [start, end] : spans)
    for (uint32_t v : {start, end})
      for (int byte = 0; byte < 4; ++byte) out.push_back(static_cast<char>((v >> (8 * byte)) & 0xFF));
  return out;
}

SentenceSpans stored_sentences(const std::string& blob, const std::string& text) {
  SentenceSpans out;
  if (blob.empty()) {
    const FoldedText f = fold_text(text);
    for (const Sentence& s : split_sentences(f, split_words(f), {}))
      out.emplace_back(static_cast<uint32_t>(f.origin[s.start]), static_cast<uint32_t>(f.origin[s.end]));
    return out;
  }
  auto read = [&](size_t at) {
    uint32_t v = 0;
    for (int byte = 0; byte < 4; ++byte) v |= static_cast<uint32_t>(static_cast<unsigned char>(blob[at + byte])) << (8 * byte);
    return v;
  };
  for (size_t at = 0; at + 8 <= blob.size(); at += 8) out.emplace_back(read(at), read(at + 4));
  return out;
}

size_t sentence_at(const SentenceSpans& spans, size_t pos) {
  return static_cast<size_t>(std::upper_bound(spans.begin(), spans.end(), pos,
                                              [](size_t p, const auto& span) { return p < span.second; }) -
                             spans.begin());
}

}  // namespace bilik
