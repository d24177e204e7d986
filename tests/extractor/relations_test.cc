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

}  // namespace
}  // namespace bilik
