#include "bilik/atom_scanner.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "test_pack.h"

namespace bilik {
namespace {

// What the scanner must find: every atom that occurs in the text with A-Z read as a-z.
std::vector<int> atoms_by_search(const std::vector<std::string>& atoms, std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  std::vector<int> found;
  for (size_t i = 0; i < atoms.size(); ++i)
    if (text.find(atoms[i]) != std::string::npos) found.push_back(static_cast<int>(i));
  return found;
}

std::vector<int> scanned(const AtomScanner& scanner, std::string_view text) {
  std::vector<int> found = {-1};  // scan clears what was there
  scanner.scan(text, found);
  return found;
}

TEST(AtomScanner, FindsEachAtomOnceInAscendingOrder) {
  const AtomScanner scanner({"səfər", "<<person", "ər", "səfəri"});
  EXPECT_EQ(scanned(scanner, "<<PERSON:1:nominative:found>> Bakıya səfər edib"), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(scanned(scanner, "Səfəri"), (std::vector<int>{0, 2, 3}));
  EXPECT_EQ(scanned(scanner, "SƏFƏRİ"), std::vector<int>{});  // only A-Z are read as lower case
  EXPECT_EQ(scanned(scanner, "səfərin səfəri"), (std::vector<int>{0, 2, 3}));
  EXPECT_EQ(scanned(scanner, ""), std::vector<int>{});
  EXPECT_EQ(scanned(AtomScanner({}), "səfər"), std::vector<int>{});
}

TEST(AtomScanner, AnEmptyAtomIsInEveryText) {
  const AtomScanner scanner({"ab", ""});
  EXPECT_EQ(scanned(scanner, ""), std::vector<int>{1});
  EXPECT_EQ(scanned(scanner, "xaby"), (std::vector<int>{0, 1}));
}

// Atoms that overlap, nest and share prefixes and suffixes, over small
// alphabets with capitals and a two-byte letter, against a plain search.
TEST(AtomScanner, AgreesWithASearchForEachAtomOnRandomText) {
  std::mt19937 random(7);
  const std::vector<std::string> letters = {"a", "b", "A", "ə", "Ə", " ", "<"};
  auto word = [&](size_t most) {
    std::string w;
    for (size_t n = 1 + random() % most; n > 0; --n) w += letters[random() % letters.size()];
    return w;
  };
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> atoms;
    for (size_t n = 1 + random() % 12; n > 0; --n) {
      std::string atom = word(5);
      for (char& c : atom)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      atoms.push_back(atom);
    }
    const AtomScanner scanner(atoms);
    for (int text = 0; text < 30; ++text) {
      const std::string t = word(40);
      ASSERT_EQ(scanned(scanner, t), atoms_by_search(atoms, t)) << "text '" << t << "', round " << round;
    }
  }
}

// Texts long enough to be read in lanes, with atoms longer than a lane's
// stretch is at first: an atom across a stretch's end is found whole.
TEST(AtomScanner, FindsAtomsAcrossTheLanesOfALongText) {
  std::mt19937 random(11);
  const std::vector<std::string> letters = {"a", "b", "ə", " ", "<"};
  auto word = [&](size_t least, size_t most) {
    std::string w;
    for (size_t n = least + random() % (most - least + 1); n > 0; --n) w += letters[random() % letters.size()];
    return w;
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> atoms;
    for (size_t n = 1 + random() % 6; n > 0; --n) atoms.push_back(word(1, 40));
    const AtomScanner scanner(atoms);
    for (int text = 0; text < 20; ++text) {
      // Some texts hold the atoms, placed anywhere, so that long ones are found too.
      std::string t = word(60, 400);
      for (const std::string& atom : atoms)
        if (random() % 2 == 0) t.insert(random() % (t.size() + 1), atom);
      ASSERT_EQ(scanned(scanner, t), atoms_by_search(atoms, t)) << "text '" << t << "', round " << round;
    }
  }
}

// The bundled pack's filters on the bundled sample articles, sentence by
// sentence, and on every sentence as the relation rules read it.
TEST(AtomScanner, AgreesWithASearchForThePacksAtomsOnTheSampleArticles) {
  const RulePack& pack = test::pack();
  std::vector<std::string> lines;
  for (const std::string& article : test::sample_articles()) {
    std::stringstream text(article);
    std::string line;
    while (std::getline(text, line)) lines.push_back(line);
  }
  ASSERT_GT(lines.size(), 10u);
  lines.push_back("<<PERSON:1:nominative:found>> <<STATE:2:dative:found>> rəsmi səfərə gəlib.");
  size_t found = 0;
  for (const RulePack::RuleFilter* filter : {&pack.entity_filter, &pack.relation_filters[0], &pack.relation_filters[1]}) {
    ASSERT_TRUE(filter->scanner);
    ASSERT_GT(filter->atoms.size(), 5u);
    for (const std::string& line : lines) {
      const std::vector<int> atoms = filter->atoms_in(line);
      ASSERT_EQ(atoms, atoms_by_search(filter->atoms, line)) << line;
      found += atoms.size();
    }
  }
  EXPECT_GT(found, 0u);
  // Both relation filters' atoms in one pass: each filter's own.
  size_t second = 0;
  for (const std::string& line : lines) {
    const auto both = pack.relation_atoms_in(line);
    ASSERT_EQ(both[0], atoms_by_search(pack.relation_filters[0].atoms, line)) << line;
    ASSERT_EQ(both[1], atoms_by_search(pack.relation_filters[1].atoms, line)) << line;
    second += both[1].size();
  }
  EXPECT_GT(second, 0u);
}

}  // namespace
}  // namespace bilik
