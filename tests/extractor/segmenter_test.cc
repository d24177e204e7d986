#include "bilik/segmenter.h"

#include <gtest/gtest.h>

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
