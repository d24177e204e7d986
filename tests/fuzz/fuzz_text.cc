// libFuzzer target: UTF-8 validation, folding, keys, display names, words
// and sentences on any bytes; checks the offset map's invariants.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "bilik/folded_text.h"
#include "bilik/segmenter.h"
#include "bilik/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  bilik::first_invalid_utf8(text);
  const bilik::FoldedText f = bilik::fold_text(text);
  if (f.origin.size() != f.text.size() + 1 || f.origin.back() != text.size()) std::abort();
  for (size_t i = 1; i < f.origin.size(); ++i)
    if (f.origin[i] < f.origin[i - 1]) std::abort();
  const auto words = bilik::split_words(f);
  for (const bilik::Word& w : words)
    if (w.end <= w.start || w.end > f.text.size()) std::abort();
  for (const bilik::Sentence& s : bilik::split_sentences(f, words, {"prof", "dr"}))
    if (s.end < s.start || s.end > f.text.size() || s.end_word > words.size()) std::abort();
  bilik::fold_key(text);
  bilik::display_name(text);
  return 0;
}
