// End-to-end extraction of sentences written in the forms real articles use.
#include "bilik/extraction.h"

#include <gtest/gtest.h>

#include "test_pack.h"

namespace bilik {
namespace {

const DocEntity* find(const Extraction& x, EntityType type, const std::string& name) {
  for (const DocEntity& e : x.entities.entities)
    if (e.type == type && fold_key(e.name) == fold_key(name)) return &e;
  return nullptr;
}

size_t count(const Extraction& x, EntityType type) {
  size_t n = 0;
  for (const DocEntity& e : x.entities.entities) n += e.type == type;
  return n;
}

TEST(Extraction, OneEntityPerReferentAcrossSpellingsAndSuffixes) {
  const std::string text =
      "Qazaxıstan Respublikasının Prezidenti Qasım Jomart-Tokayev Ankarada olub. "
      "Tokayevin səfəri iki gün çəkib. Kasım-Jomart Tokayev Qazaxıstana qayıdıb.";
  const Extraction x = extract_document(text, test::pack());
  EXPECT_EQ(count(x, EntityType::Person), 1u);
  EXPECT_EQ(count(x, EntityType::State), 1u);
  const DocEntity* tokayev = find(x, EntityType::Person, "Qasım-Jomart Tokayev");
  ASSERT_NE(tokayev, nullptr);
  const DocEntity* kz = find(x, EntityType::State, "Qazaxıstan");
  ASSERT_NE(kz, nullptr);
  EXPECT_EQ(kz->aliases, std::vector<std::string>{"Qazaxıstan Respublikası"});
}

TEST(Extraction, MentionsKeepTheSurfaceAndTheCase) {
  const std::string text = "Nümayəndə heyəti Türkiyəyə, sonra Qazaxıstandan Rusiyaya gedib.";
  const Extraction x = extract_document(text, test::pack());
  ASSERT_EQ(x.entities.mentions.size(), 3u);
  const Mention& m = x.entities.mentions[0];
  EXPECT_EQ(m.surface, "Türkiyəyə");
  EXPECT_EQ(text.substr(m.start, m.end - m.start), m.surface);
  EXPECT_EQ(m.gram_case, "dative");
  EXPECT_EQ(x.entities.mentions[1].gram_case, "ablative");
}

TEST(Extraction, FindsUnknownPeopleAfterTitlesAndStopsAtOtherNames) {
  const std::string text =
      "Görüşdə Gürcüstanın xarici işlər naziri Maka Boçorişvili və Britaniyanın səfiri Fergus Auld Türkiyə "
      "nümayəndələri ilə danışıb.";
  const Extraction x = extract_document(text, test::pack());
  EXPECT_NE(find(x, EntityType::Person, "Maka Boçorişvili"), nullptr);
  EXPECT_NE(find(x, EntityType::Person, "Fergus Auld"), nullptr);
  EXPECT_NE(find(x, EntityType::State, "Türkiyə"), nullptr);
}

TEST(Extraction, FindsAGivenNameAmongWordsThatOnlyContainOne) {
  // "Bakıdan" ends in and "Danimarkanın" starts with the given name "Dan":
  // neither opens a name, the real "Dan" after them does.
  const std::string text =
      "Bakıdan gələn Danimarkanın nümayəndələri arasında Dan Rasmussen və Leyla Sultanlı da olub.";
  const Extraction x = extract_document(text, test::pack());
  EXPECT_NE(find(x, EntityType::Person, "Dan Rasmussen"), nullptr);
  EXPECT_NE(find(x, EntityType::Person, "Leyla Sultanlı"), nullptr);
  EXPECT_EQ(count(x, EntityType::Person), 2u);
}

TEST(Extraction, KeepsNamesThatOnlyLookSuffixed) {
  const Extraction x = extract_document("Tədbirdə jurnalist Gülər Aydın çıxış edib.", test::pack());
  EXPECT_NE(find(x, EntityType::Person, "Gülər Aydın"), nullptr);
}

TEST(Extraction, CutsAWeakSuffixWhenTheBareNameIsKnown) {
  const Extraction x =
      extract_document("Layihəni politoloq Rauf Mirqədirov təqdim edib. Mirqədirovun fikrincə, iş uzanacaq.", test::pack());
  EXPECT_EQ(count(x, EntityType::Person), 1u);
}

TEST(Extraction, OrganisationsTreatiesAndAcronyms) {
  const std::string text =
      "Kollektiv Təhlükəsizlik Müqaviləsi Təşkilatının (KTMT) toplantısında KTMT-nin baş katibi çıxış edib. "
      "Azərbaycan Dövlət Neft Akademiyasının alimləri “Bakı Enerji Qrup” ilə enerji səmərəliliyi haqqında "
      "memorandum imzalayıblar.";
  const Extraction x = extract_document(text, test::pack());
  const DocEntity* ktmt = find(x, EntityType::Organization, "KTMT");
  ASSERT_NE(ktmt, nullptr);
  EXPECT_EQ(count(x, EntityType::Organization), 3u);
  EXPECT_NE(find(x, EntityType::Organization, "Azərbaycan Dövlət Neft Akademiyası"), nullptr);
  EXPECT_NE(find(x, EntityType::Organization, "Bakı Enerji Qrup"), nullptr);
  EXPECT_NE(find(x, EntityType::Treaty, "enerji səmərəliliyi haqqında memorandum"), nullptr);
}

TEST(Extraction, ANameInsideALongerNameIsNotAMention) {
  const Extraction x = extract_document(
      "Sənədi Türkiyə Silahlı Qüvvələrinin Xüsusi Təyinatlı Qüvvələr Komandanlığı Mərkəzi hazırlayıb. "
      "Xərclər 10 milyon ABŞ dolları olub.",
      test::pack());
  EXPECT_EQ(find(x, EntityType::State, "Türkiyə"), nullptr);
  EXPECT_EQ(find(x, EntityType::State, "ABŞ"), nullptr);
}

TEST(Extraction, SplitsListsOfTreaties) {
  const Extraction x = extract_document(
      "Tərəflər arasında gömrük işində qarşılıqlı yardım və ikiqat vergitutmanın aradan qaldırılması haqqında "
      "sazişlər imzalanıb.",
      test::pack());
  EXPECT_EQ(count(x, EntityType::Treaty), 2u);
  EXPECT_NE(find(x, EntityType::Treaty, "gömrük işində qarşılıqlı yardım haqqında saziş"), nullptr);
}

}  // namespace
}  // namespace bilik
