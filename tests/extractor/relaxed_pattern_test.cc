#include "../../extractor/src/relaxed_pattern.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_pack.h"

namespace bilik {
namespace {

TEST(RelaxedPattern, DropsTheUpperBoundOfEveryCountedRepetition) {
  EXPECT_EQ(relaxed_pattern("a{1,5}b(?:c|d){0,300}?e"), "a{1,}b(?:c|d){0,}?e");
  EXPECT_EQ(relaxed_pattern("x{2,10}"), "x{2,}");
}

TEST(RelaxedPattern, LeavesEscapesClassesAndExactCountsAlone) {
  EXPECT_FALSE(relaxed_pattern("\\p{L}+ \\x{259}[{1,2}]a{3}b{2,}"));
  EXPECT_EQ(relaxed_pattern("[^\\]{]{1,4}\\{1,2\\}"), "[^\\]{]{1,}\\{1,2\\}");
  EXPECT_EQ(relaxed_pattern("[]a]{0,6}"), "[]a]{0,}");
}

// The twin finds a match wherever its pattern does (so testing it first
// never loses a match), and finds nothing where nothing is.
TEST(RelaxedPattern, TheTwinMatchesWhereverThePatternDoes) {
  const RE2 pattern("(?P<who><<PERSON:\\d+>>)(?:[^<]|<<DATE:\\d+>>){0,40}? bildirib");
  const auto twin = relaxed_twin(pattern);
  ASSERT_TRUE(twin);
  const std::vector<std::string> texts = {
      "<<PERSON:1>> dünən <<DATE:2>> jurnalistlərə bildirib",
      "<<PERSON:1>> bildirib",
      "<<PERSON:1>> " + std::string(60, 'a') + " bildirib",  // past the bound: only the twin
      "<<PERSON:1>> <<STATE:3>> bildirib",                       // neither
      "heç kim bildirməyib",
  };
  for (const std::string& text : texts) {
    const bool exact = RE2::PartialMatch(text, pattern);
    const bool relaxed = RE2::PartialMatch(text, *twin);
    EXPECT_TRUE(!exact || relaxed) << text;
  }
  EXPECT_TRUE(RE2::PartialMatch(texts[2], *twin));
  EXPECT_FALSE(RE2::PartialMatch(texts[2], pattern));
  EXPECT_FALSE(RE2::PartialMatch(texts[3], *twin));
  EXPECT_FALSE(relaxed_twin(RE2("a+b")));
}

// Every relation rule of the bundled pack with a counted repetition has a
// twin, and every rule's examples still give their triples (rules_examples).
TEST(RelaxedPattern, BundledRelationRulesWithBoundsHaveTwins) {
  size_t bounded = 0, twins = 0;
  for (const RelationRule& rule : test::pack().relation_rules) {
    if (relaxed_pattern(rule.pattern->pattern())) ++bounded;
    if (rule.relaxed) ++twins;
  }
  EXPECT_GT(bounded, 10u);
  EXPECT_EQ(twins, bounded);
}

}  // namespace
}  // namespace bilik
