#include "bilik/folded_text.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "bilik/utf8.h"

namespace bilik {
namespace {

TEST(FoldedText, FoldsDottedAndDotlessITheTurkicWay) {
  EXPECT_EQ(fold_text("İSTANBUL IĞDIR").text, "istanbul ığdır");
  EXPECT_EQ(fold_text("BAKI").text, "bakı");
  EXPECT_EQ(fold_text("ƏLİYEV Şuşa Çin").text, "əliyev şuşa çin");
}

TEST(FoldedText, MapsEveryFoldedSpanBackToTheOriginalBytes) {
  const std::string original = "İlham ƏLİYEV Türkiyəyə";
  const FoldedText f = fold_text(original);
  const size_t start = f.text.find("əliyev");
  const size_t end = start + std::string("əliyev").size();
  EXPECT_EQ(original.substr(f.origin[start], f.origin[end] - f.origin[start]), "ƏLİYEV");
  EXPECT_EQ(f.origin[f.text.size()], original.size());
}

// fold_text's quick path (runs of ASCII and Azerbaijani letters) against
// fold_key's own character-by-character fold, over random mixes of what
// each path must tell apart: letters before combining marks, I and İ,
// Cyrillic look-alikes, exotic spaces, quotes, dropped characters.
TEST(FoldedText, FoldsInRunsAsItFoldsOneCharacterAtATime) {
  const std::vector<std::string> pieces = {
      "a", "Z", "I", "i", "7", " ", "  ", "\n", "\t", "\r", "*", "`", ".", "-", "\"",
      "ə", "Ə", "ı", "İ", "ö", "Ö", "ü", "Ü", "ç", "Ç", "ş", "Ş", "ğ", "Ğ",
      "\xCC\x87", "\xCC\x88", "\xCC\xA7",          // combining dot above, diaeresis, cedilla
      "а", "Д", "é", "Ä", "ß", "“", "—", "\xC2\xAD", "\xC2\xA0", "¹", "…", "\xE2\x80\x8B",
      "\xC4", "\x80", "\xC9\xC9"};                        // broken UTF-8: a lone lead or continuation byte
  auto collapsed = [](const std::string& folded) {  // fold_key's spacing, over folded text
    std::string key;
    bool pending_space = false;
    for (size_t pos = 0; pos < folded.size();) {
      char32_t c;
      const size_t len = decode_utf8(folded, pos, c);
      if (!is_word_char(c)) {
        pending_space = true;
      } else {
        if (pending_space && !key.empty()) key += ' ';
        pending_space = false;
        key.append(folded, pos, len);
      }
      pos += len ? len : 1;
    }
    return key;
  };
  std::mt19937 random(20261128);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const size_t n = random() % 40;
    for (size_t k = 0; k < n; ++k) text += pieces[random() % pieces.size()];
    const FoldedText f = fold_text(text);
    ASSERT_EQ(collapsed(f.text), fold_key(text)) << text;
    ASSERT_EQ(f.origin.size(), f.text.size() + 1) << text;
    ASSERT_EQ(f.upper.size(), f.text.size()) << text;
    for (size_t i = 0; i < f.text.size(); ++i) ASSERT_LE(f.origin[i], f.origin[i + 1]) << text;
    ASSERT_EQ(f.origin.back(), text.size()) << text;
  }
}

// The quick path's offsets and case flags, byte by byte: a letter's folded
// bytes all point at its first byte, İ folds to the one byte "i", and a letter
// with a combining mark after it is composed (the slow path) wherever it stands.
TEST(FoldedText, GivesEachFoldedByteItsSourceAndCase) {
  const std::string original = "aƏ İb I\xCC\x87x" "ş";
  const FoldedText f = fold_text(original);
  EXPECT_EQ(f.text, "aə ib ixş");
  const std::vector<uint32_t> origin = {0, 1, 1, 3, 4, 6, 7, 8, 11, 12, 12, 14};
  const std::vector<uint8_t> upper = {0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0};
  EXPECT_EQ(f.origin, origin);
  EXPECT_EQ(f.upper, upper);
  // A text that grows while folded (I is two bytes as ı) past the room made
  // for it, then runs on in the quick path.
  std::string grown, expected;
  for (int k = 0; k < 40; ++k) grown += "I", expected += "ı";
  grown += "“—" + std::string(100, 'a') + "ƏŞ";
  expected += "\"-" + std::string(100, 'a') + "əş";
  const FoldedText g = fold_text(grown);
  EXPECT_EQ(g.text, expected);
  EXPECT_EQ(g.origin.back(), grown.size());
  EXPECT_EQ(g.origin[g.text.size() - 1], grown.size() - 2);
}

TEST(FoldedText, ComposesDecomposedLettersToNfc) {
  // "ş" written as s + combining cedilla, "İ" as I + combining dot above.
  const std::string decomposed = "Qas\xC4\xB1m s\xCC\xA7" "ahin I\xCC\x87nam";
  EXPECT_EQ(fold_text(decomposed).text, "qasım şahin inam");
  EXPECT_EQ(fold_key(decomposed), fold_key("Qasım Şahin İnam"));
}

TEST(FoldedText, NormalisesQuotesDashesAndFootnoteMarks) {
  EXPECT_EQ(fold_text("«Akorda» “LXR” „x”").text, "\"akorda\" \"lxr\" \"x\"");
  EXPECT_EQ(fold_text("imzalayıblar.¹").text, "imzalayıblar. ");
  EXPECT_EQ(fold_text("Nur‑Sultan – Bakı").text, "nur-sultan - bakı");
}

TEST(FoldedText, KeysIgnoreHyphensQuotesAndSpacing) {
  EXPECT_EQ(fold_key("Qasım Jomart-Tokayev"), fold_key("QASIM  JOMART TOKAYEV"));
  EXPECT_EQ(fold_key("“NC Kazakhstan Engineering”"), "nc kazakhstan engineering");
}

TEST(FoldedText, DisplayNamesDropQuotesAndFoldLineBreaks) {
  EXPECT_EQ(display_name("“Tiryaki Holding”"), "Tiryaki Holding");
  EXPECT_EQ(display_name("Avropa\n\nİttifaqı"), "Avropa İttifaqı");
}

// Names of plain letters, digits, hyphens and single spaces are given back
// as they are, without the character-by-character walk; a quote (which the
// walk drops) sends a name down the walk, so each answer is checked there.
TEST(FoldedText, DisplayNamesOfPlainLettersAreTheWalksAnswer) {
  const std::vector<std::string> pieces = {"a", "Z", "7", "-", " ", "  ", "ə", "Ə", "ı", "İ", "ş", "Ç", "ğ", "ö", "Ü",
                                           "\u0308", "\u0327", "\n", "\t", "é", "д", "'", "’", ".", "\xC3", "\xCC"};
  std::mt19937 random(7);
  for (int round = 0; round < 3000; ++round) {
    std::string name;
    const int length = static_cast<int>(random() % 9);
    for (int k = 0; k < length; ++k) name += pieces[random() % (round % 2 ? 15 : pieces.size())];
    EXPECT_EQ(display_name(name), display_name(name + "\"")) << name;
  }
  EXPECT_EQ(display_name("Qasım-Jomart Tokayev"), "Qasım-Jomart Tokayev");
  EXPECT_EQ(display_name(" İlham  Əliyev "), "İlham Əliyev");
}

// A letter written as a base and a combining mark is shown composed, after
// ASCII as after any letter: "S" + U+0327 is "Ş", "ə" + U+0301 keeps its accent.
TEST(FoldedText, DisplayNamesComposeCombiningMarks) {
  EXPECT_EQ(display_name("S\u0327u\u0308kru\u0308 Xanlarov"), "Şükrü Xanlarov");
  EXPECT_EQ(display_name("Gəncə\u0301"), "Gəncə\u0301");
}

}  // namespace
}  // namespace bilik
