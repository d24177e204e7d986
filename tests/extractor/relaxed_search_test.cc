#include "../../extractor/src/relaxed_search.h"
#include "../../extractor/src/rule_search.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "test_pack.h"

namespace bilik {
namespace {

// Every match of `pattern` in every span of `text` (from every position to
// every end), groups and all (some of them, the span alone, only whether
// there is one, or more than the pattern has, which RE2 clears), as RE2
// finds them and as the relaxed search finds them.
void expect_same_matches(const std::string& pattern_text, const std::string& text) {
  auto pattern = std::make_shared<const RE2>(pattern_text, RE2::Quiet);
  ASSERT_TRUE(pattern->ok()) << pattern_text;
  const auto search = RelaxedSearch::make(pattern);
  ASSERT_TRUE(search) << pattern_text;
  const int all = pattern->NumberOfCapturingGroups() + 1;
  const re2::StringPiece unset("unset");
  for (int n : {all, 1, 0, all / 2 + 1, all + 1})
    for (RE2::Anchor anchor : {RE2::UNANCHORED, RE2::ANCHOR_START, RE2::ANCHOR_BOTH})
      for (size_t pos = 0; pos <= text.size(); ++pos)
        for (size_t end = pos; end <= text.size(); ++end) {
          std::vector<re2::StringPiece> expected(n, unset), found(n, unset);
          const bool exact = pattern->Match(text, pos, end, anchor, expected.data(), n);
          ASSERT_EQ(search->match(text, pos, end, anchor, found.data(), n), exact)
              << pattern_text << " on \"" << text << "\" from " << pos << " to " << end << ", anchor " << anchor
              << ", " << n << " groups";
          for (int g = 0; exact && g < n; ++g)
            ASSERT_TRUE(expected[g].data() == found[g].data() && expected[g].size() == found[g].size())
                << pattern_text << " on \"" << text << "\" from " << pos << " to " << end << ", anchor " << anchor
                << ": group " << g << " of " << n;
        }
}

TEST(RelaxedSearch, FindsWhatThePatternFindsWithinAndPastItsBounds) {
  const std::string pattern = "(?P<who><<P:\\d+>>)(?:[^<]|<<D:\\d+>>){0,40}? (?P<verb>bildirib|deyib)";
  expect_same_matches(pattern, "<<P:1>> dünən <<D:2>> jurnalistlərə bildirib");
  expect_same_matches(pattern, "<<P:1>> bildirib");
  expect_same_matches(pattern, "<<P:1>> " + std::string(60, 'a') + " bildirib");  // past the bound: no match
  expect_same_matches(pattern, "<<P:1>> " + std::string(60, 'a') + " <<P:2>> o deyib");  // the second name
  expect_same_matches(pattern, "<<P:1>> <<S:3>> bildirib");
  expect_same_matches("x{1,3}?(?:a{0,2}?b)+y", "xaaababy");  // the first pass breaks the bound, the last does not
  expect_same_matches("(?:[a-z]+ ){0,2}?(?P<x>b)", "aa aa aa b");  // three words before "b": one too many
  // Many starts where the twin's match breaks the bound: past a few, the
  // pattern searches on by itself.
  expect_same_matches("x(?P<gap>[^y]{0,3}?)y", std::string(14, 'x') + "y x" + "y");
  // ... and at the ninth the twin breaks the bound where the pattern, by
  // another alternative, keeps it.
  expect_same_matches("(?:a|ab)(?P<gap>[^y]{0,1}?)c", std::string(8, 'a') + "abxc");
  const auto search = RelaxedSearch::make(std::make_shared<const RE2>(pattern));
  EXPECT_TRUE(search->stands_in());
  EXPECT_FALSE(RelaxedSearch::make(std::make_shared<const RE2>("a+b")));
  EXPECT_FALSE(RelaxedSearch::make(std::make_shared<const RE2>("a{1,4}b")));  // greedy: searched as written
}

// What RE2 reads as one atom the twin must too: "\\pL", "\\x61", octal
// "\\123", "\\Q...\\E" (a quantifier after it applies to its last character),
// "[[:alpha:]]". A quantifier after flags or an empty quote applies to what
// came before, a quantifier even: nothing is counted in such patterns.
TEST(RelaxedSearch, ReadsThePatternAsRE2Does) {
  expect_same_matches("\\Qa{1,3}?\\Eb{1,2}?", "a{1,3}?bbb aaab");
  expect_same_matches("\\123{1,3}?x", "SSSSx3x");
  expect_same_matches("\\pL{1,2}?\\x61{1,2}?,", "bbaaa,");
  expect_same_matches("[[:alpha:]a{0,3}?]b{0,2}?", "3(a{bb");
  expect_same_matches("a{1,02}?b{01,2}?c{0,2}?", "a{1,02b{01,2}aac");  // no count has a leading zero
  expect_same_matches("a{1,9999999999}?b{0,2}?", "aa{1,9999999999bb");  // nor ten digits
  for (const char* pattern : {"(?:b{0,1}?c)(?i){2}d{0,2}?", "(?:b{0,1}?c)(?i)+d{0,2}?", "(?:b{0,1}?c)\\Q\\E{2}d{0,2}?",
                              "(?:b{0,1}?c)?\\Q\\E{2}d{0,2}?", "b{0,1}?(?i){2}cd{0,2}?", "a(?U){0,2}?(?:b{0,3}?)(a+)",
                              "x(?:a (?i)?){0,1}?y"})
    EXPECT_FALSE(RelaxedSearch::make(std::make_shared<const RE2>(pattern))) << pattern;
}

// Options under which the twin's captures or preference order are not the
// pattern's: the pattern searches alone.
TEST(RelaxedSearch, DeclinesOptionsThatChangeWhatTheTwinMeans) {
  RE2::Options literal, never_capture, longest, latin1;
  literal.set_literal(true);
  never_capture.set_never_capture(true);
  longest.set_longest_match(true);
  latin1.set_encoding(RE2::Options::EncodingLatin1);
  for (const RE2::Options& options : {literal, never_capture, longest, latin1})
    EXPECT_FALSE(RelaxedSearch::make(std::make_shared<const RE2>("a{1,2}?b", options)));
}

TEST(RelaxedSearch, ABodyThatMayReadNothingOnlyFilters) {
  for (const char* pattern : {"x(?:a?){0,2}?y", "(?:^|b){1,3}?c", "(?:\\bd|e){0,4}?f"}) {
    const auto search = RelaxedSearch::make(std::make_shared<const RE2>(pattern));
    ASSERT_TRUE(search) << pattern;
    EXPECT_FALSE(search->stands_in()) << pattern;
    for (const char* text : {"xaay", "xy", "xaaay", "bbbc", "bbbbc", "dddf", "eeeeef", "c"}) expect_same_matches(pattern, text);
  }
}

// Random texts over a small alphabet against patterns with bounds nested,
// lazy, greedy, side by side and inside groups taken many times.
TEST(RelaxedSearch, AgreesWithThePatternOnRandomText) {
  const std::vector<std::pair<std::string, std::string>> patterns = {
      {"a(?:[ab]){0,3}?(?P<x>b+)(?:[^c]){0,2}c", "abc"},
      {"(?P<x>a{1,2}?)(?:b|ab){0,3}?(?P<y>c?)", "abc"},
      {"(?:(?:ab){0,2}c){1,3}?b", "abc"},
      {"(?P<x>(?:a|b){2,4})(?P<y>[abc]{0,2}?)c$", "abc"},
      {"(?:^|c)(?:[ab]|cc){0,4}?(?P<x>a)(?:[^a]){0,3}?(?:b|c)$", "abc"},
      {"((?:a|bc){1,3}?)(b{0,2})", "abc"},
      {"(?:(?P<x>a{0,2}?)b)+c{1,2}?", "abc"},  // a capture would hold the last pass only
      // Passes that each end in a space or a comma are counted by those.
      {"(?:[ab]+ ){0,2}?(?P<x>b)", "ab "},
      {"(?P<x>(?:a+,? |(?:b|ab) ){1,2}?)a$", "ab ,"},
      {"a(?:(?:b+[ ,])+ ){0,1}?(?P<x>a)", "ab ,"},
      {"(?:a |b){0,2}?a", "ab "},  // an alternative without a space: bytes count
      {"(?P<x>a(?: [ab]+){1,2}?)$", "ab "},  // each pass starts with a space
      {"(?:a, ?|b ){1,3}?(?P<x>b)", "ab ,"},
      // Lists as the relation rules write them: bounded gaps inside groups
      // taken many times, placeholders in "<...>".
      {"(?P<s>a(?:[^<]{0,2}?(?:,| b) [^<]{0,1}?a)*) (?:[^<]|<[^>]*>){0,3}?(?P<o>(?:a(?:[^<]|<[^>]*>){0,2}?, )*a)c", "a, b<>c"},
      {"(?:(?:a{0,1}?b)*c){1,2}?(?P<x>a*)$", "abc"},
  };
  std::mt19937 random(20261128);
  for (const auto& [pattern, alphabet] : patterns)
    for (int t = 0; t < 200; ++t) {
      std::string text(random() % 16, 'a');
      for (char& c : text) c = alphabet[random() % alphabet.size()];
      expect_same_matches(pattern, text);
    }
}

// A pattern of up to three elements, each perhaps quantified: escapes,
// classes, quotes and groups of every kind, lazy counted repetitions among
// the quantifiers, flags and anchors among the elements.
std::string random_pattern(std::mt19937& random, int depth = 0) {
  static const std::vector<std::string> leaves = {
      "a", "b", " ", ",", "ə", "[ab]", "[^a]", "[ ,]", "[[:alpha:]]", "\\pL", "\\x{259}", "\\x61", "\\141", ".",
      "\\s", "\\,", "[)]", "\\)", "[^]a]", "\\Qa)\\E", "\\Q\\E", "(?i)", "(?U)", "^", "$", "\\b", "(?:[ab]+ )", "(?:a, ?|b )"};
  static const std::vector<std::string> quantifiers = {"*", "+?", "?", "{2}", "{1,}", "{0,2}", "{0,1}?", "{1,2}?", "{0,3}?", "{0,02}?"};
  std::string out;
  for (int k = 1 + random() % 3; k > 0; --k) {
    if (depth < 2 && random() % 3 == 0) {
      const std::string opens[] = {"(?:", "(", "(?P<g" + std::to_string(random() % 1000) + ">", "(?i:", "(?:|"};
      out += opens[random() % 5] + random_pattern(random, depth + 1);
      out += random() % 4 ? ")" : "|" + random_pattern(random, depth + 1) + ")";
    } else {
      out += leaves[random() % leaves.size()];
    }
    if (random() % 2) out += quantifiers[random() % quantifiers.size()];
  }
  return out;
}

TEST(RelaxedSearch, AgreesWithThePatternOnRandomPatterns) {
  std::mt19937 random(20261128);
  int searched = 0;
  while (searched < 100) {
    const std::string pattern = random_pattern(random);
    if (!RE2(pattern, RE2::Quiet).ok() || !RelaxedSearch::make(std::make_shared<const RE2>(pattern, RE2::Quiet))) continue;
    ++searched;
    for (int t = 0; t < 3; ++t) {
      std::string text;
      for (int length = random() % 9; length > 0; --length) text += std::vector<std::string>{"a", "b", " ", ",", "ə", ")"}[random() % 6];
      expect_same_matches(pattern, text);
    }
  }
}

// Every relation rule of the bundled pack with a counted repetition is
// searched through its twin, and the twin stands in for most of them.
TEST(RelaxedSearch, BundledRelationRulesWithBoundsHaveTwins) {
  size_t bounded = 0, twins = 0, standing_in = 0;
  for (const RelationRule& rule : test::pack().relation_rules) {
    std::vector<CountedRepetition> counted;
    captured_twin(rule.pattern->pattern(), counted);
    if (!counted.empty()) ++bounded;
    const RelaxedSearch* relaxed = rule.search->relaxed();
    if (relaxed) ++twins;
    if (relaxed && relaxed->stands_in()) ++standing_in;
  }
  EXPECT_GT(bounded, 10u);
  EXPECT_EQ(twins, bounded);
  EXPECT_GT(standing_in * 10, bounded * 9);
}

}  // namespace
}  // namespace bilik
