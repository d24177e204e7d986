// Words and sentences of a folded text.
//
// A word is a maximal run of letters, digits and combining marks. Words keep
// what matching needs from the original: whether it was capitalised, all in
// capitals (acronyms), and whether it is glued to the previous word by a
// hyphen, quote or apostrophe ("ANKA-nın", "“LXR”in", "Nur-Sultan").
//
// Sentences end at . ! ? … followed by a space and a capital, digit, quote or
// bullet (not after a known abbreviation, an initial or inside a number), and
// at line breaks followed by such a start. A line break before a lower-case
// word continues the sentence (page breaks inside sentences are common in
// archived articles). Both are spans of the folded text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bilik/folded_text.h"
#include "bilik/word_set.h"

namespace bilik {

struct Word {
  uint32_t start = 0, end = 0;  // folded byte span
  bool capitalized = false;     // first letter upper case in the original
  bool all_caps = false;        // at least two letters, all upper case
  bool numeric = false;         // starts with a digit
  bool glued = false;           // joined to the previous word by - " ' with no space
  bool opens_sentence = false;  // capitalised only because it starts a sentence
};

struct Sentence {
  uint32_t start = 0, end = 0;           // folded byte span
  uint32_t first_word = 0, end_word = 0;  // word index range [first_word, end_word)
  bool narrow = false;  // all in the narrow alphabet (analyze() marks it; split_sentences leaves it false)
};

std::vector<Word> split_words(const FoldedText& text);

// No sentence is longer than this: a longer run with no sentence end is cut
// at spaces, so no rule searches megabytes at once and a stop request is
// heard between pieces (a single word longer than this stays whole). News
// sentences are a few hundred bytes.
inline constexpr size_t kMaxSentenceBytes = 16 * 1024;

std::vector<Sentence> split_sentences(const FoldedText& text, const std::vector<Word>& words,
                                      const WordSet& abbreviations);

// Index of the word containing folded offset `pos`, or the first word after it.
size_t word_at_or_after(const std::vector<Word>& words, size_t pos);

}  // namespace bilik
