#include "../../extractor/src/narrow_alphabet.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "../../extractor/src/rule_search.h"
#include "bilik/entity_matcher.h"
#include "bilik/extraction.h"
#include "test_pack.h"

namespace bilik {
namespace {

TEST(NarrowedPattern, WritesTheThreeClassesWithTheAlphabetsPartOfThem) {
  EXPECT_EQ(narrowed_pattern("\\p{L}+"), "[A-Za-zçğıöşüə]+");
  EXPECT_EQ(narrowed_pattern("[\\p{L}\\p{N}-]+"), "[A-Za-zçğıöşüə0-9-]+");
  EXPECT_EQ(narrowed_pattern("[^\\p{L}]"), "[^A-Za-zçğıöşüə]");
  EXPECT_EQ(narrowed_pattern("\\p{N}[\\p{M}x]\\p{M}"), "[0-9][\\x{300}x]\\x{300}");
  // Escapes, classes opening with "]" or "^]", and groups go on as written.
  EXPECT_EQ(narrowed_pattern("(?P<n>\\\\p{L})\\p{L}"), "(?P<n>\\\\p{L})[A-Za-zçğıöşüə]");
  EXPECT_EQ(narrowed_pattern("[]\\p{L}][^]a]\\]\\p{L}"), "[]A-Za-zçğıöşüə][^]a]\\][A-Za-zçğıöşüə]");
  EXPECT_EQ(narrowed_pattern("\\x{259}\\p{L}{2,3}?"), "\\x{259}[A-Za-zçğıöşüə]{2,3}?");
}

// RE2 reads no range from a class escape, so a "-" after one is a literal:
// "[\\p{L}-’]" holds "-". After the part's last letter it would open a
// range ("ə-’") and the "-" would be lost.
TEST(NarrowedPattern, KeepsAHyphenAfterAClassALiteral) {
  EXPECT_EQ(narrowed_pattern("[\\p{L}-’]"), "[A-Za-zçğıöşüə\\-’]");
  EXPECT_EQ(narrowed_pattern("[\\p{M}-\\p{M}]"), "[\\x{300}\\-\\x{300}]");
  EXPECT_EQ(narrowed_pattern("[\\p{L}--z]"), "[A-Za-zçğıöşüə\\--z]");  // "-" opens the range "--z", as before
  for (const char* pattern : {"[\\p{L}-’]+", "[^\\p{L}-–]+", "[\\p{M}-\\p{M}]+", "[\\p{N}-:]+", "[\\p{L}-]+"}) {
    const auto re = std::make_shared<const RE2>(pattern);
    const RuleSearch search(re);
    ASSERT_TRUE(search.narrows()) << pattern;
    const std::string text = "ab-cd 12-30 ə-ç";
    for (size_t pos = 0; pos < text.size(); ++pos) {
      re2::StringPiece expected, found;
      const bool exact = re->Match(text, pos, text.size(), RE2::UNANCHORED, &expected, 1);
      ASSERT_EQ(search.match(text, pos, text.size(), RE2::UNANCHORED, &found, 1, true), exact) << pattern << " from " << pos;
      EXPECT_TRUE(!exact || (expected.data() == found.data() && expected.size() == found.size())) << pattern << " from " << pos;
    }
  }
}

TEST(NarrowedPattern, LeavesWhatItDoesNotReadToThePatternAsWritten) {
  for (const char* pattern : {"\\pL+", "\\P{L}", "\\p{Lu}\\p{L}", "\\p{Greek}", "[[:alpha:]]\\p{L}", "\\Q\\p{L}\\E",
                              "[\\p{L}", "ab\\", "plain words", "[^\\P{L}]"})
    EXPECT_EQ(narrowed_pattern(pattern), std::nullopt) << pattern;
}

TEST(InNarrowAlphabet, HoldsAsciiAndTheLowerCaseAzerbaijaniLetters) {
  EXPECT_TRUE(in_narrow_alphabet(""));
  EXPECT_TRUE(in_narrow_alphabet("çağırış, güzəşt: öyrənmək 12,5 \"<<PERSON:1:nominative:found>>\"\n"));
  EXPECT_FALSE(in_narrow_alphabet("путин"));
  EXPECT_FALSE(in_narrow_alphabet("café"));
  EXPECT_FALSE(in_narrow_alphabet("Əli"));  // upper case: folded text has none
  EXPECT_FALSE(in_narrow_alphabet("ab\xC9"));  // cut off inside "ə"
  EXPECT_FALSE(in_narrow_alphabet("\x99"));
  // Past the first eight bytes, in a run of ASCII and after a letter.
  EXPECT_TRUE(in_narrow_alphabet("abcdefghijklmnop, şəhər 12345678"));
  EXPECT_FALSE(in_narrow_alphabet("abcdefghijklmnopé"));
  EXPECT_FALSE(in_narrow_alphabet("abcdefghə1234567\xD0\xB5"));
}

// Sentences of the bundled samples, folded; or as the relation rules read
// them, their names, figures and dates as placeholders and runs of spaces
// as one.
std::vector<std::string> sample_sentences(bool rewritten) {
  const RulePack& pack = test::pack();
  std::vector<std::string> out;
  for (const std::string& text : test::sample_articles()) {
    const AnalyzedText analyzed = analyze(text, pack);
    const Extraction x = extract_document(text, pack);
    std::map<size_t, std::pair<size_t, std::string>> items;  // folded start → end, placeholder
    for (const Mention& m : x.entities.mentions)
      items[m.folded_start] = {m.folded_end, "<<" + std::string(type_name(x.entities.entities[m.entity].type)) + ":" +
                                                 std::to_string(m.entity) + ":" + m.gram_case + ":" +
                                                 (m.rule.rfind("gazetteer:", 0) == 0 ? "known" : "found") + ">>"};
    for (size_t i = 0; i < x.figures.size(); ++i)
      items[x.figures[i].folded_start] = {x.figures[i].folded_end, "<<FIGURE:" + std::to_string(i) + ":" + x.figures[i].unit + ">>"};
    for (size_t i = 0; i < x.dates.size(); ++i)
      items[x.dates[i].folded_start] = {x.dates[i].folded_end, "<<DATE:" + std::to_string(i) + ">>"};
    const std::string& f = analyzed.folded.text;
    for (const Sentence& s : analyzed.sentences) {
      std::string r;
      for (size_t i = s.start; i < s.end;) {
        const auto item = items.find(i);
        if (rewritten && item != items.end() && item->second.first <= s.end) {
          r += item->second.second;
          i = item->second.first;
        } else if (rewritten && (f[i] == ' ' || f[i] == '\n')) {
          if (!r.empty() && r.back() != ' ') r += ' ';
          ++i;
        } else {
          r += f[i++];
        }
      }
      out.push_back(r);
    }
  }
  return out;
}

// The bundled rules searched through their narrowed patterns find what the
// patterns find, groups and all, from every word of every sample sentence.
void expect_narrow_searches_agree(const std::vector<std::shared_ptr<const RE2>>& patterns,
                                  const std::vector<std::string>& sentences, size_t& narrowing, size_t& matches) {
  for (const auto& pattern : patterns) {
    const RuleSearch search(pattern);
    if (!search.narrows()) {
      EXPECT_EQ(pattern->pattern().find("\\p{"), std::string::npos) << pattern->pattern();  // only a rule with none of them
      continue;
    }
    ++narrowing;
    const int n = pattern->NumberOfCapturingGroups() + 1;
    for (const std::string& text : sentences) {
      ASSERT_TRUE(in_narrow_alphabet(text)) << text;
      for (size_t pos = 0; pos < text.size(); pos = text.find(' ', pos + 1) == std::string::npos ? text.size() : text.find(' ', pos + 1) + 1)
        for (RE2::Anchor anchor : {RE2::UNANCHORED, RE2::ANCHOR_START}) {
          std::vector<re2::StringPiece> expected(n), found(n);
          const bool exact = pattern->Match(text, pos, text.size(), anchor, expected.data(), n);
          ASSERT_EQ(search.match(text, pos, text.size(), anchor, found.data(), n, true), exact)
              << pattern->pattern() << "\non \"" << text << "\" from " << pos;
          matches += exact;
          for (int g = 0; exact && g < n; ++g)
            ASSERT_TRUE(expected[g].data() == found[g].data() && expected[g].size() == found[g].size())
                << pattern->pattern() << "\non \"" << text << "\" from " << pos << ": group " << g;
          if (exact && anchor == RE2::UNANCHORED) {  // and the match's own span, anchored at both ends
            const size_t start = expected[0].data() - text.data();
            ASSERT_TRUE(search.match(text, start, start + expected[0].size(), RE2::ANCHOR_BOTH, found.data(), n, true));
            for (int g = 0; g < n; ++g) ASSERT_TRUE(expected[g].data() == found[g].data() && expected[g].size() == found[g].size());
          }
        }
    }
  }
}

// analyze() marks each sentence whose folded text is in the narrow alphabet,
// so the stages after it need not read the sentence again to know.
TEST(InNarrowAlphabet, AnalyzeMarksTheSentencesInIt) {
  const AnalyzedText t = analyze("Prezident Bakıya gəlib. Москва тоже. Tokayev Astanadadır.", test::pack());
  ASSERT_EQ(t.sentences.size(), 3u);
  for (const Sentence& s : t.sentences)
    EXPECT_EQ(s.narrow, in_narrow_alphabet(std::string_view(t.folded.text).substr(s.start, s.end - s.start)))
        << t.folded.text.substr(s.start, s.end - s.start);
  EXPECT_TRUE(t.sentences[0].narrow);
  EXPECT_FALSE(t.sentences[1].narrow);
  EXPECT_TRUE(t.sentences[2].narrow);
}

TEST(RuleSearch, NarrowedEntityRulesFindWhatThePatternsFindOnTheSamples) {
  std::vector<std::shared_ptr<const RE2>> patterns;
  for (const EntityRule& rule : test::pack().entity_rules) patterns.push_back(rule.pattern);
  const std::vector<std::string> sentences = sample_sentences(false);
  ASSERT_GT(sentences.size(), 20u);
  size_t narrowing = 0, matches = 0;
  expect_narrow_searches_agree(patterns, sentences, narrowing, matches);
  EXPECT_GT(narrowing * 4, patterns.size() * 3);  // most rules narrow
  EXPECT_GT(matches, 100u);
}

TEST(RuleSearch, NarrowedRelationRulesFindWhatThePatternsFindOnRewrittenSamples) {
  std::vector<std::shared_ptr<const RE2>> patterns;
  for (const RelationRule& rule : test::pack().relation_rules) patterns.push_back(rule.pattern);
  const std::vector<std::string> sentences = sample_sentences(true);
  size_t narrowing = 0, matches = 0;
  expect_narrow_searches_agree(patterns, sentences, narrowing, matches);
  EXPECT_GT(narrowing * 2, patterns.size() * 1);
  EXPECT_GT(matches, 20u);
}

// Text outside the narrow alphabet is searched by the pattern as written: a
// Cyrillic name is a run of \p{L}, not of the narrow letters.
TEST(RuleSearch, TextOutsideTheAlphabetIsSearchedAsWritten) {
  const RuleSearch search(std::make_shared<const RE2>("(?P<name>\\p{L}+) dedi"));
  ASSERT_TRUE(search.narrows());
  const std::string text = "путин dedi";
  re2::StringPiece groups[2];
  ASSERT_TRUE(search.match(text, 0, text.size(), RE2::UNANCHORED, groups, 2, in_narrow_alphabet(text)));
  EXPECT_EQ(groups[1], "путин");
  EXPECT_FALSE(search.match(text, 0, text.size(), RE2::ANCHOR_START, groups, 2, true));  // what narrowing alone would do
}

}  // namespace
}  // namespace bilik
