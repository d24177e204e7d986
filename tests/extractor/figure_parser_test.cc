#include <gtest/gtest.h>

#include <algorithm>

#include "bilik/extraction.h"
#include "test_pack.h"

namespace bilik {
namespace {

std::vector<Figure> figures(const std::string& text) { return extract_document(text, test::pack()).figures; }

// The grammar finds a number word opening a word by the word's first two
// bytes: the same answer as trying every number word.
TEST(Figures, AWordOpensWithANumberWordWhereAnyOfThemIsItsPrefix) {
  const FigureGrammar& g = test::pack().figures;
  std::vector<std::string> words = {"", "o", "on", "onlar", "onun", "bir", "birlik", "bi", "üç", "üçqat", "ü",
                                    "doxsanıncı", "doqquz", "dördüncü", "yeni", "yetmiş", "sıfır", "sı", "altmışda",
                                    "alt", "əlli", "ə", "Bir", "iyirmidən", "qırx", "qır", "bakı", "\xC3"};
  for (const auto& [number, value] : g.number_words)
    for (size_t cut = 0; cut <= number.size() + 1; ++cut) words.push_back((number + "ları").substr(0, cut));
  for (const std::string& w : words) {
    const bool any = std::any_of(g.number_words.begin(), g.number_words.end(),
                                 [&](const auto& n) { return !n.first.empty() && w.starts_with(n.first); });
    EXPECT_EQ(g.opens_with_number_word(w), any) << w;
  }
}

// Every unit is among those units_opening gives a word opening with its
// first word, in the grammar's order; a word no unit opens gets none.
TEST(Figures, UnitsAreTriedOnlyOnWordsOpeningLikeThem) {
  const FigureGrammar& g = test::pack().figures;
  for (size_t u = 0; u < g.units.size(); ++u) {
    const std::vector<uint16_t>& tried = g.units_opening(g.units[u].first.front() + "dan");
    EXPECT_TRUE(std::is_sorted(tried.begin(), tried.end()));
    EXPECT_NE(std::find(tried.begin(), tried.end(), u), tried.end()) << g.units[u].first.front();
    if (tried.size() < g.units.size()) {  // all of them where a unit's first word has one byte
      for (uint16_t other : tried) {
        EXPECT_EQ(g.units[other].first.front().substr(0, 2), g.units[u].first.front().substr(0, 2));
      }
    }
  }
  const std::vector<uint16_t>& none = g.units_opening("xəbər");
  EXPECT_TRUE(none.empty() || none.size() == g.units.size());
}

TEST(Figures, ScaledMoneyIsExact) {
  const auto f = figures("Ticarət dövriyyəsi 5,3 milyard dollara çatıb.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].value_text, "5300000000");
  EXPECT_EQ(f[0].value, 5300000000.0);
  EXPECT_EQ(f[0].unit, "USD");
  EXPECT_EQ(f[0].surface, "5,3 milyard dollara");
}

TEST(Figures, QualifiersAndCountedNouns) {
  auto f = figures("Ölkədə 4 minə yaxın şirkət fəaliyyət göstərir.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].value, 4000.0);
  EXPECT_EQ(f[0].qualifier, "approx");
  EXPECT_EQ(f[0].counted, "şirkət");
  f = figures("Sərmayə 1,3 milyard ABŞ dollarından çox olub.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].qualifier, "more_than");
  EXPECT_EQ(f[0].unit, "USD");
}

TEST(Figures, NumberWordsCountNounsButNotTheTwoSides) {
  auto f = figures("Ordu üç pilotsuz təyyarə alıb, iki ölkə arasında isə iki yüz əlli min nəfər səfər edib.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].value, 3.0);
  EXPECT_EQ(f[1].value, 250000.0);
}

TEST(Figures, PercentPointsTimesAndDurations) {
  const auto f = figures("Artım 58 faiz, faiz dərəcəsi 2 faiz bəndi, müddət 5 dəfə azalıb və 60 gündən 13 günə enib.");
  ASSERT_EQ(f.size(), 5u);
  EXPECT_EQ(f[0].unit, "percent");
  EXPECT_EQ(f[1].unit, "percentage_point");
  EXPECT_EQ(f[2].unit, "times");
  EXPECT_EQ(f[3].unit, "day");
  EXPECT_EQ(f[4].value, 13.0);
}

TEST(Figures, YearsOrdinalsDatesAndAddressesAreNotFigures) {
  EXPECT_TRUE(figures("Türkiyə 1991-ci ildə tanıyıb, bu 30-cu ildönümüdür, mayın 10-da görüşüblər.").empty());
  EXPECT_TRUE(figures("Bax: https://example.az/xeber/104238-iki-olke").empty());
}

TEST(Figures, ARangeIsTwoFiguresAndAFallingPairIsNone) {
  auto f = figures("Hədəf 6-8 faiz, marja 4±2% olub.");
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[0].value, 6.0);
  EXPECT_EQ(f[1].value, 8.0);
  EXPECT_EQ(f[1].unit, "percent");
  EXPECT_EQ(f[2].value, 4.0);
  EXPECT_EQ(f[3].value, 2.0);
  EXPECT_TRUE(figures("Bakı, 26-10-2021. Komanda 5-3 hesabı ilə qalib gəlib, 26-10 yenilənib.").empty());
}

TEST(Figures, DerivedUnitWordsAgesAndAnniversaries) {
  auto f = figures("Prezident iki günlük səfərə gəlib, 48 saatlıq fasilə və 24 yaşındakı idmançı; 30 illiyi qeyd olunub.");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].unit, "day");
  EXPECT_EQ(f[1].unit, "hour");
  EXPECT_EQ(f[2].unit, "year");
  EXPECT_EQ(f[2].value, 24.0);
}

TEST(Figures, ListedNumbersShareTheUnitAfterTheLast) {
  const auto f = figures("Saxlanılanlar 33, 34 və 39 yaşlarındadır.");
  ASSERT_EQ(f.size(), 3u);
  for (const Figure& x : f) EXPECT_EQ(x.unit, "year") << x.surface;
}

TEST(Figures, SignsAbbreviationsAndCompoundTails) {
  auto f = figures("Proqnoz −0,3 faiz bəndi azalıb; 1 mlrd. manata yaxın vəsait; 8 milyon 839 min 695.4 ton neft.");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].value, -0.3);
  EXPECT_EQ(f[0].value_text, "-0.3");
  EXPECT_EQ(f[1].unit, "AZN");
  EXPECT_EQ(f[1].qualifier, "approx");
  EXPECT_EQ(f[2].value_text, "8839695.4");
  EXPECT_EQ(f[2].unit, "tonne");
}

TEST(Figures, OddNumbersNeverCrash) {
  for (const char* text : {"1.2.3 manat", "5,,3 milyon", "99999999999999999999 dollar", "0,000000001 faiz",
                           "1 2 3 4 5 6 7 8 9", "-5 dərəcə", ",5", "5,", "milyard milyon min", "−", "5±", "±5%",
                           "1-2-3", "5 %-", "$ ", "iki-iki-iki", "altmış (", "altmış (60", "4.5.6 min", "°C 5"}) {
    const auto f = figures(text);
    for (const Figure& x : f) EXPECT_FALSE(x.value_text.empty()) << text;
  }
}

}  // namespace
}  // namespace bilik
