#include "bilik/segmenter.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace bilik {
namespace {

std::vector<std::string> sentences_of(const std::string& text) {
  const FoldedText f = fold_text(text);
  const auto words = split_words(f);
  std::vector<std::string> out;
  for (const Sentence& s : split_sentences(f, words, {"prof"}))
    out.push_back(text.substr(f.origin[s.start], f.origin[s.end] - f.origin[s.start]));
  return out;
}

TEST(Segmenter, SplitsAtSentenceEndsButNotAtAbbreviationsOrInitials) {
  const auto s = sentences_of("Prof. Əliyev Bakıya gəlib. O, H. Əliyev adına parkda olub! Sonra 5,3 faiz artım var.");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "Prof. Əliyev Bakıya gəlib.");
  EXPECT_EQ(s[1], "O, H. Əliyev adına parkda olub!");
}

TEST(Segmenter, ALineBreakBeforeALowerCaseWordContinuesTheSentence) {
  const auto s = sentences_of("Qazaxıstanın\n\nmüdafiə idarəsinin rəisi gəlib.\nYeni cümlə.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "Qazaxıstanın\n\nmüdafiə idarəsinin rəisi gəlib.");
}

TEST(Segmenter, ARunWithNoSentenceEndIsCutAtSpacesIntoBoundedPieces) {
  std::string text;
  while (text.size() < 5 * kMaxSentenceBytes) text += "Azərbaycan və Gürcüstan əməkdaşlıq edir ";
  const auto s = sentences_of(text);
  ASSERT_GE(s.size(), 5u);
  size_t words = 0;
  for (const std::string& piece : s) {
    EXPECT_LE(piece.size(), kMaxSentenceBytes);
    EXPECT_NE(piece.front(), ' ');
    EXPECT_NE(piece.back(), ' ');
    const std::string first = piece.substr(0, piece.find(' ')), last = piece.substr(piece.rfind(' ') + 1);
    EXPECT_NE(std::string(" Azərbaycan və Gürcüstan əməkdaşlıq edir ").find(" " + first + " "), std::string::npos)
        << "cut inside a word: " << first;
    EXPECT_NE(std::string(" Azərbaycan və Gürcüstan əməkdaşlıq edir ").find(" " + last + " "), std::string::npos)
        << "cut inside a word: " << last;
    for (size_t at = piece.find(' '); at != std::string::npos; at = piece.find(' ', at + 1)) ++words;
    ++words;
  }
  EXPECT_EQ(words, static_cast<size_t>(std::count(text.begin(), text.end(), ' '))) << "no word lost or split";
  // One word longer than the bound stays whole, and the words after it follow.
  const std::string word(3 * kMaxSentenceBytes / 2, 'a');
  const auto long_word = sentences_of(word + " və sonra Gürcüstan");
  ASSERT_EQ(long_word.size(), 2u);
  EXPECT_EQ(long_word[0], word);
  EXPECT_EQ(long_word[1], "və sonra Gürcüstan");
}

TEST(Segmenter, WordsKnowTheirCaseAndGlue) {
  const FoldedText f = fold_text("ABŞ-ın “LXR”in Nur-Sultan bakı");
  const auto w = split_words(f);
  ASSERT_EQ(w.size(), 7u);
  EXPECT_TRUE(w[0].all_caps);
  EXPECT_TRUE(w[1].glued);   // -ın
  EXPECT_TRUE(w[3].glued);   // ”in
  EXPECT_TRUE(w[5].glued);   // -Sultan
  EXPECT_TRUE(w[4].capitalized);
  EXPECT_FALSE(w[6].capitalized);
}

}  // namespace
}  // namespace bilik
