#include "bilik/folded_text.h"

#include <gtest/gtest.h>

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

// A letter written as a base and a combining mark is shown composed, after
// ASCII as after any letter: "S" + U+0327 is "Ş", "ə" + U+0301 keeps its accent.
TEST(FoldedText, DisplayNamesComposeCombiningMarks) {
  EXPECT_EQ(display_name("S\u0327u\u0308kru\u0308 Xanlarov"), "Şükrü Xanlarov");
  EXPECT_EQ(display_name("Gəncə\u0301"), "Gəncə\u0301");
}

}  // namespace
}  // namespace bilik
