#include "bilik/gazetteer.h"

#include <gtest/gtest.h>

#include <unordered_set>

#include "test_pack.h"

namespace bilik {
namespace {

struct Found {
  std::string name, gram_case, surface;
};

std::vector<Found> scan(const Gazetteer& g, const std::string& text) {
  const FoldedText f = fold_text(text);
  const auto words = split_words(f);
  std::vector<Found> out;
  for (const GazetteerMatch& m : g.scan(f, words, test::pack().morphology))
    out.push_back({g.entry(m.entry).canonical, m.gram_case,
                   text.substr(f.origin[m.start], f.origin[m.end] - f.origin[m.start])});
  return out;
}

TEST(Gazetteer, MatchesNamesWithCaseSuffixesAndVariants) {
  Gazetteer g;
  const uint32_t kz = g.add_entry({"Qazaxıstan", EntityType::State, "test"});
  g.add_name("Qazaxıstan", kz);
  g.add_name("Qazaxıstan Respublikası", kz);
  const uint32_t tr = g.add_entry({"Türkiyə", EntityType::State, "test"});
  g.add_name("Türkiyə", tr);
  const auto found = scan(g, "Qazaxıstan Respublikasının heyəti Türkiyəyə, sonra Qazaxıstandan QAZAXISTANA qayıdıb.");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].surface, "Qazaxıstan Respublikasının");
  EXPECT_EQ(found[0].gram_case, "genitive");
  EXPECT_EQ(found[1].name, "Türkiyə");
  EXPECT_EQ(found[1].gram_case, "dative");
  EXPECT_EQ(found[2].gram_case, "ablative");
  EXPECT_EQ(found[3].surface, "QAZAXISTANA");
}

TEST(Gazetteer, TakesSuffixesGluedAfterHyphensAndQuotes) {
  Gazetteer g;
  g.add_name("ABŞ", g.add_entry({"ABŞ", EntityType::State, "test"}));
  g.add_name("LXR", g.add_entry({"LXR", EntityType::State, "test"}));
  const auto found = scan(g, "ABŞ-ın mövqeyi və “LXR”in statusu");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].surface, "ABŞ-ın");
  EXPECT_EQ(found[0].gram_case, "genitive");
  EXPECT_EQ(found[1].gram_case, "genitive");
}

TEST(Gazetteer, NeedsACapitalAndAWholeWord) {
  Gazetteer g;
  g.add_name("Ordu", g.add_entry({"Ordu", EntityType::Location, "test"}));
  EXPECT_TRUE(scan(g, "Qazaxıstan ordusu gücləndirilir.").empty());
  EXPECT_TRUE(scan(g, "Ordubad rayonu").empty());
  EXPECT_EQ(scan(g, "Biz Orduya getdik.").size(), 1u);
}

TEST(Gazetteer, ASuffixNeverTurnsALexiconWordIntoAName) {
  Gazetteer g;
  g.add_name("Lima", g.add_entry({"Lima", EntityType::Location, "test"}));
  g.add_name("Minsk qrupu", g.add_entry({"Minsk qrupu", EntityType::Organization, "test"}));
  const std::unordered_set<std::string> lexicon{"limanı", "qrupu", "qrupunun"};
  const std::string text = "Gəmi Dəniz Limanı yaxınlığında, Minsk qrupunun üzvləri isə Limaya gedib.";
  const FoldedText f = fold_text(text);
  const auto words = split_words(f);
  std::vector<std::string> found;
  for (const GazetteerMatch& m : g.scan(f, words, test::pack().morphology, &lexicon))
    found.push_back(text.substr(f.origin[m.start], f.origin[m.end] - f.origin[m.start]));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0], "Minsk qrupunun");  // "qrupu" is a lexicon word too: the cut stands
  EXPECT_EQ(found[1], "Limaya");
}

TEST(Gazetteer, TheBundledPackLoadsFromItsSources) {
  const Gazetteer& g = test::pack().gazetteer;
  EXPECT_GT(g.entries(), 600u);
  for (const char* name : {"Qazaxıstan", "Qazaxstan", "ABŞ", "Bakı", "Almatı", "KTMT", "Nur-Sultan"})
    EXPECT_TRUE(g.lookup(fold_key(name))) << name;
}

}  // namespace
}  // namespace bilik
