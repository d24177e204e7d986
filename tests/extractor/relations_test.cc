// Relations on sentences written in the forms news articles use.
#include <gtest/gtest.h>

#include "bilik/extraction.h"
#include "test_pack.h"

namespace bilik {
namespace {

// Every name of a document entity: canonical and aliases.
std::vector<std::string> names_of(const DocEntity& e) {
  std::vector<std::string> n{e.name};
  n.insert(n.end(), e.aliases.begin(), e.aliases.end());
  return n;
}

const Triple* find(const Extraction& x, const std::string& subject, const std::string& predicate,
                   const std::string& object) {
  auto named = [](const std::vector<std::string>& names, const std::string& want) {
    for (const std::string& n : names)
      if (fold_key(n).find(fold_key(want)) != std::string::npos) return true;
    return false;
  };
  for (const Triple& t : x.triples) {
    if (t.predicate != predicate || !named(names_of(x.entities.entities[t.subject]), subject)) continue;
    const auto objects = t.object ? names_of(x.entities.entities[*t.object]) : std::vector<std::string>{t.object_literal};
    if (named(objects, object)) return &t;
  }
  return nullptr;
}

TEST(Relations, CoordinatedSubjectsAndObjectsGiveOneTripleEach) {
  const Extraction x = extract_document(
      "Qazaxıstan Prezidenti Qasım-Jomart Tokayev və Türkiyə Prezidenti Rəcəb Tayyib Ərdoğan enerji sahəsində "
      "əməkdaşlıq haqqında saziş imzalayıblar. Qırğızıstan və Türkmənistana PUA-lar satdıqdan sonra Türkiyə "
      "yeni bazarlar axtarır.",
      test::pack(), "2022-05-16");
  EXPECT_NE(find(x, "Qasım-Jomart Tokayev", "signed", "enerji sahəsində əməkdaşlıq haqqında saziş"), nullptr);
  EXPECT_NE(find(x, "Rəcəb Tayyib Ərdoğan", "signed", "enerji sahəsində əməkdaşlıq haqqında saziş"), nullptr);
  EXPECT_NE(find(x, "Türkiyə", "supplies", "Qırğızıstan"), nullptr);
  EXPECT_NE(find(x, "Türkiyə", "supplies", "Türkmənistan"), nullptr);
  // The signatories' states are parties (inference), and the role is kept.
  EXPECT_NE(find(x, "Qazaxıstan", "party_to", "enerji sahəsində"), nullptr);
  const Triple* holds = find(x, "Qasım-Jomart Tokayev", "holds_position", "Qazaxıstan");
  ASSERT_NE(holds, nullptr);
  EXPECT_EQ(holds->role, "Prezidenti");
}

// A rule that reads two sentences at once also reads a document's last
// sentence on its own: here the only one.
TEST(Relations, TwoSentenceRulesReadTheLastSentenceAlone) {
  const std::string sentence =
      "Türk Dövlətləri Təşkilatı 2009-cu ildə yaradılıb və Özbəkistan təşkilatın tamhüquqlu üzvüdür.";
  const Extraction alone = extract_document(sentence, test::pack(), "2024-03-01");
  EXPECT_NE(find(alone, "Özbəkistan", "member_of", "Türk Dövlətləri Təşkilatı"), nullptr);
  const Extraction last = extract_document("Sammit payızda keçiriləcək. " + sentence, test::pack(), "2024-03-01");
  EXPECT_NE(find(last, "Özbəkistan", "member_of", "Türk Dövlətləri Təşkilatı"), nullptr);
}

TEST(Relations, DatesAmountsAndQuotesAreQualifiers) {
  const Extraction x = extract_document(
      "Prezident İlham Əliyev mayın 10-da Gürcüstana rəsmi səfər edib. Azərbaycan-Gürcüstan ticarət dövriyyəsi "
      "1,2 milyard dollara çatıb. Prezident İlham Əliyev bildirib: “Biz dost ölkələrlə əməkdaşlığı davam "
      "etdirəcəyik”.",
      test::pack(), "2024-06-01");
  const Triple* visit = find(x, "İlham Əliyev", "visited", "Gürcüstan");
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(visit->date, "2024-05-10");
  const Triple* trade = find(x, "Azərbaycan", "trade_with", "Gürcüstan");
  ASSERT_NE(trade, nullptr);
  ASSERT_TRUE(trade->amount);
  EXPECT_EQ(x.figures[*trade->amount].value, 1.2e9);
  EXPECT_EQ(trade->date, "2024-06-01");  // no date in the sentence: the article's
  const Triple* said = find(x, "İlham Əliyev", "said", "dost ölkələrlə əməkdaşlığı");
  ASSERT_NE(said, nullptr);
  EXPECT_FALSE(said->object);
}

TEST(Relations, NegatedAndInvitedVisitsAreNotVisits) {
  const Extraction x = extract_document(
      "Tokayev Ərdoğanı Qazaxıstana səfərə dəvət edib. Qazaxıstan Rusiyanın hərbi təcavüzünü pisləməyib.",
      test::pack());
  EXPECT_EQ(find(x, "Rəcəb Tayyib Ərdoğan", "visited", "Qazaxıstan"), nullptr);
  EXPECT_NE(find(x, "Qasım-Jomart Tokayev", "invited", "Rəcəb Tayyib Ərdoğan"), nullptr);
  EXPECT_EQ(find(x, "Qazaxıstan", "condemned", "Rusiya"), nullptr);
}

TEST(Relations, EvidenceSpansPointIntoTheOriginalText) {
  const std::string text = "Dünən ABŞ-ın “Atlantic Council” tədqiqat institutunun hesabatı çıxıb.";
  const Extraction x = extract_document(text, test::pack());
  const Triple* t = find(x, "Atlantic Council", "located_in", "ABŞ");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(text.substr(t->start, t->end - t->start), "ABŞ-ın “Atlantic Council");
}

TEST(Relations, AQuoteIsItsFirstSentenceWhereverTheAttributionStands) {
  const Extraction x = extract_document(
      "Sərhədlərin delimitasiyası sülh üçün vacibdir. Biz bu işi davam etdirəcəyik.\n\n"
      "Trend xəbər verir ki, bunu Ermənistanın xarici işlər naziri Ararat Mirzoyan parlamentdə deyib.\n\n"
      "“Biz danışıqlara hazırıq. Tərəflər razılığa yaxındır”, – deyə Gürcüstanın baş naziri İrakli Kobaxidze "
      "əlavə edib.\n\nBu barədə nazir Ceyhun Bayramov bildirib ki, ölkəsi danışıqlara hazırdır.",
      test::pack());
  const Triple* before = find(x, "Ararat Mirzoyan", "said", "Sərhədlərin delimitasiyası");
  ASSERT_NE(before, nullptr);
  EXPECT_EQ(before->object_literal, "Sərhədlərin delimitasiyası sülh üçün vacibdir.");
  // A quote closed two sentences after it opened starts at its opening mark.
  const Triple* dash = find(x, "İrakli Kobaxidze", "said", "danışıqlara hazırıq");
  ASSERT_NE(dash, nullptr);
  EXPECT_EQ(dash->object_literal.find("Tərəflər"), std::string::npos);
  // Reported speech ("bildirib ki, ölkəsi ...") is not a quote.
  EXPECT_EQ(find(x, "Ceyhun Bayramov", "said", ""), nullptr);
}

TEST(Relations, ListsMeetAmongThemselvesAndPairInOrder) {
  const Extraction x = extract_document(
      "Azərbaycan, Türkiyə və Gürcüstan xarici işlər nazirləri Ceyhun Bayramov, Mövlud Çavuşoğlu və "
      "İlia Darçiaşvili Tbilisidə görüşüblər.",
      test::pack());
  EXPECT_NE(find(x, "Ceyhun Bayramov", "holds_position", "Azərbaycan"), nullptr);
  EXPECT_NE(find(x, "Mövlud Çavuşoğlu", "holds_position", "Türkiyə"), nullptr);
  EXPECT_EQ(find(x, "Mövlud Çavuşoğlu", "holds_position", "Azərbaycan"), nullptr);
  EXPECT_NE(find(x, "Ceyhun Bayramov", "met_with", "Mövlud Çavuşoğlu"), nullptr);
  EXPECT_NE(find(x, "Mövlud Çavuşoğlu", "met_with", "İlia Darçiaşvili"), nullptr);
}

TEST(Relations, ADateInParenthesesDatesAnotherEvent) {
  const Extraction x = extract_document(
      "Prezident Qasım-Jomart Tokayevin Azərbaycana rəsmi səfəri diplomatik münasibətlərin qurulmasının "
      "(30 avqust 1992-ci il) ildönümünə təsadüf edib.",
      test::pack(), "2022-08-24");
  const Triple* visit = find(x, "Qasım-Jomart Tokayev", "visited", "Azərbaycan");
  ASSERT_NE(visit, nullptr);
  EXPECT_EQ(visit->date, "2022-08-24");
}

TEST(Relations, ADemonymCounterpartHoldsThePostInItsState) {
  const Extraction x = extract_document(
      "Rusiya ilə Türkiyə arasında danışıqlar olub. Rusiyanın xarici işlər naziri Sergey Lavrov türkiyəli həmkarı "
      "Hakan Fidanla görüşüb.",
      test::pack());
  EXPECT_NE(find(x, "Hakan Fidan", "holds_position", "Türkiyə"), nullptr);
  EXPECT_NE(find(x, "Sergey Lavrov", "met_with", "Hakan Fidan"), nullptr);
  EXPECT_EQ(find(x, "Hakan Fidan", "holds_position", "Rusiya"), nullptr);
}

}  // namespace
}  // namespace bilik
