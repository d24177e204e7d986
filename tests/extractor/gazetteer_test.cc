#include "bilik/gazetteer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
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
  const uint32_t kz = g.add_entry("Qazaxıstan", EntityType::State, "test");
  g.add_name("Qazaxıstan", kz);
  g.add_name("Qazaxıstan Respublikası", kz);
  const uint32_t tr = g.add_entry("Türkiyə", EntityType::State, "test");
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
  g.add_name("ABŞ", g.add_entry("ABŞ", EntityType::State, "test"));
  g.add_name("LXR", g.add_entry("LXR", EntityType::State, "test"));
  const auto found = scan(g, "ABŞ-ın mövqeyi və “LXR”in statusu");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].surface, "ABŞ-ın");
  EXPECT_EQ(found[0].gram_case, "genitive");
  EXPECT_EQ(found[1].gram_case, "genitive");
}

TEST(Gazetteer, NeedsACapitalAndAWholeWord) {
  Gazetteer g;
  g.add_name("Ordu", g.add_entry("Ordu", EntityType::Location, "test"));
  EXPECT_TRUE(scan(g, "Qazaxıstan ordusu gücləndirilir.").empty());
  EXPECT_TRUE(scan(g, "Ordubad rayonu").empty());
  EXPECT_EQ(scan(g, "Biz Orduya getdik.").size(), 1u);
}

TEST(Gazetteer, ASuffixNeverTurnsALexiconWordIntoAName) {
  Gazetteer g;
  g.add_name("Lima", g.add_entry("Lima", EntityType::Location, "test"));
  g.add_name("Minsk qrupu", g.add_entry("Minsk qrupu", EntityType::Organization, "test"));
  const WordSet lexicon{"limanı", "qrupu", "qrupunun"};
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

namespace bilik {
namespace {

// A file larger than one batch of WordTrie::add_paths: the first entry given a
// name keeps it, whichever batch the later ones fall in, and every name,
// alias and shared first word is found as if added one at a time.
TEST(Gazetteer, AFileLoadsInBatchesAsIfNameByName) {
  const auto path = std::filesystem::temp_directory_path() / "bilik-gazetteer-batches.tsv";
  {
    std::ofstream out(path);
    out << "# a comment\n";
    for (int i = 0; i < 1500; ++i) out << "Şirkət " << i << " Holdinq\tORGANIZATION\tŞH" << i << "\n";
    out << "Şirkət 7 Holdinq\tLOCATION\t\n";       // a name taken before: the first entry keeps it
    out << "Ağdam\tLOCATION\tAğdam şəhəri|ŞH3\n";  // an alias taken before, too
  }
  Gazetteer batched;
  ASSERT_TRUE(batched.load_file(path.string()));
  std::filesystem::remove(path);
  Gazetteer one_by_one;
  for (int i = 0; i < 1500; ++i) {
    const uint32_t id = one_by_one.add_entry("Şirkət " + std::to_string(i) + " Holdinq", EntityType::Organization, "x");
    one_by_one.add_name("Şirkət " + std::to_string(i) + " Holdinq", id);
    one_by_one.add_name("ŞH" + std::to_string(i), id);
  }
  EXPECT_EQ(batched.entries(), 1502u);
  EXPECT_EQ(batched.names(), 3004u);
  for (const char* key : {"şirkət 0 holdinq", "şirkət 7 holdinq", "şirkət 1499 holdinq", "şh3", "şh1024"})
    EXPECT_EQ(batched.lookup(key), one_by_one.lookup(key)) << key;
  EXPECT_EQ(batched.entry(*batched.lookup("şirkət 7 holdinq")).type, EntityType::Organization);
  EXPECT_EQ(batched.entry(*batched.lookup("ağdam şəhəri")).canonical, "Ağdam");
  EXPECT_FALSE(batched.lookup("şirkət"));
  EXPECT_FALSE(batched.lookup("şirkət 1500 holdinq"));
  const auto found = scan(batched, "Dünən Şirkət 12 Holdinqin rəhbəri ŞH1400-ə getdi.");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].name, "Şirkət 12 Holdinq");
  EXPECT_EQ(found[0].gram_case, "genitive");
  EXPECT_EQ(found[1].name, "Şirkət 1400 Holdinq");
}

}  // namespace
}  // namespace bilik
