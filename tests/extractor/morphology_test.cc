#include "bilik/morphology.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_pack.h"

namespace bilik {
namespace {

// Stems of the readings (harmony on), bare word first.
std::vector<std::string> stems(const std::string& word, int min_slot = 1) {
  std::vector<std::string> out;
  for (const SuffixReading& r : test::pack().morphology.readings(word, {.harmony = true, .min_slot = min_slot}))
    out.push_back(word.substr(0, r.stem_bytes) + "/" + r.gram_case);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

TEST(Morphology, ReadsCaseSuffixesOfNames) {
  EXPECT_TRUE(has(stems("türkiyəyə"), "türkiyə/dative"));
  EXPECT_TRUE(has(stems("qazaxıstandan"), "qazaxıstan/ablative"));
  EXPECT_TRUE(has(stems("tokayevin"), "tokayev/genitive"));
  EXPECT_TRUE(has(stems("rusiyanın"), "rusiya/genitive"));
  EXPECT_TRUE(has(stems("tokayevlə"), "tokayev/instrumental"));
  EXPECT_TRUE(has(stems("almatıdakı"), "almatı/relative"));
  EXPECT_TRUE(has(stems("respublikasının"), "respublika/genitive"));
}

TEST(Morphology, RespectsBufferConsonantsAndHarmony) {
  EXPECT_TRUE(has(stems("bakıya"), "bakı/dative"));
  EXPECT_FALSE(has(stems("bakıa"), "bakı/dative"));               // "a" follows consonants only
  EXPECT_FALSE(has(stems("tokayevın"), "tokayev/genitive"));      // "ın" after a front vowel breaks harmony
  EXPECT_FALSE(has(stems("qazaxıstanda"), "qazaxısta/locative"));  // "nda" follows a possessive only
}

TEST(Morphology, NamesThatOnlyLookSuffixedAreNotCutWithConfidence) {
  const Morphology& m = test::pack().morphology;
  const auto readings = m.readings("aydın", {.harmony = true, .min_slot = 3});
  ASSERT_EQ(readings.size(), 2u);  // bare, and ayd + ın
  EXPECT_FALSE(m.is_strong(readings[1]));
  for (const SuffixReading& r : m.readings("gülər", {.harmony = true, .min_slot = 3})) EXPECT_EQ(r.suffixes, 0);
  const auto strong = m.readings("tokayevdən", {.harmony = true, .min_slot = 3});
  EXPECT_TRUE(m.is_strong(strong.back()));
}

TEST(Morphology, RecognisesSuffixChainsAfterHyphensAndQuotes) {
  const Morphology& m = test::pack().morphology;
  std::string c;
  EXPECT_TRUE(m.is_suffix_chain("nın", &c));
  EXPECT_EQ(c, "genitive");
  EXPECT_TRUE(m.is_suffix_chain("ları", nullptr));
  EXPECT_FALSE(m.is_suffix_chain("sultan", nullptr));
  EXPECT_EQ(m.singular("memorandumlar"), "memorandum");
  EXPECT_EQ(m.singular("sazişlər"), "saziş");
  EXPECT_EQ(m.singular("saziş"), "saziş");
}

// The readings handed out stay where they are while the thread asks about
// other words with other options, and a remembered word reads as the first time.
TEST(Morphology, RememberedReadingsStayValidAndEqualToNewOnes) {
  const Morphology& m = test::pack().morphology;
  const std::vector<SuffixReading>& first = m.readings("türkiyəyə", {.harmony = true, .min_slot = 1});
  const std::vector<SuffixReading> copy = first;
  for (int slot = 0; slot < 6; ++slot)
    for (size_t stem = 1; stem < 5; ++stem)
      for (const char* word : {"qazaxıstandan", "tokayevin", "nazirliyinin", "bakıda"})
        m.readings(word, {.harmony = slot % 2 == 0, .min_slot = slot, .min_stem_chars = stem});
  for (int i = 0; i < 3000; ++i) m.readings("söz" + std::to_string(i) + "lərdən", {.harmony = true, .min_slot = 1});
  ASSERT_EQ(first.size(), copy.size());
  for (size_t i = 0; i < copy.size(); ++i) {
    EXPECT_EQ(first[i].stem_bytes, copy[i].stem_bytes);
    EXPECT_EQ(first[i].gram_case, copy[i].gram_case);
  }
  const std::vector<SuffixReading>& again = m.readings("türkiyəyə", {.harmony = true, .min_slot = 1});
  EXPECT_EQ(&again, &first);

  // Through the next 100,000 forms: the thread's memory then starts a new
  // generation of forms, and the readings handed out before live on in the
  // one before it, and read the same when asked for again.
  const std::vector<SuffixReading>& before = m.readings("qazaxıstanlılardanmı", {.harmony = true});
  const std::vector<SuffixReading> kept = before;
  for (int i = 0; i < 100000; ++i) m.readings("bölgə" + std::to_string(i) + "lərdən", {.harmony = true});
  ASSERT_EQ(before.size(), kept.size());
  for (size_t i = 0; i < kept.size(); ++i) EXPECT_EQ(before[i].stem_bytes, kept[i].stem_bytes);
  const std::vector<SuffixReading>& asked_again = m.readings("qazaxıstanlılardanmı", {.harmony = true});
  ASSERT_EQ(asked_again.size(), kept.size());
  for (size_t i = 0; i < kept.size(); ++i) EXPECT_EQ(asked_again[i].gram_case, kept[i].gram_case);
  EXPECT_TRUE(std::any_of(copy.begin(), copy.end(), [](const SuffixReading& r) {
    return r.stem_bytes == std::string("türkiyə").size() && r.gram_case == "dative";
  }));
}

}  // namespace
}  // namespace bilik
