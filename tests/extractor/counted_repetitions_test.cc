#include "../../extractor/src/counted_repetitions.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace bilik {
namespace {

std::string twin(const std::string& pattern, std::vector<CountedRepetition>& counted) {
  counted.clear();
  return captured_twin(pattern, counted);
}

TEST(CountedRepetitions, TheTwinCapturesEachLazyOneWithoutItsUpperBound) {
  std::vector<CountedRepetition> counted;
  EXPECT_EQ(twin("a{1,5}?b(?:c|d){0,300}?e", counted), "(?P<bilik_count_0>a{1,}?)b(?P<bilik_count_1>(?:c|d){0,}?)e");
  ASSERT_EQ(counted.size(), 2u);
  EXPECT_EQ(counted[0].body, "a");
  EXPECT_EQ(counted[0].most, 5u);
  EXPECT_EQ(counted[1].body, "(?:c|d)");
  EXPECT_EQ(counted[1].most, 300u);
  EXPECT_EQ(twin("ə{0,2}?\\p{L}{1,3}?", counted), "(?P<bilik_count_0>ə{0,}?)(?P<bilik_count_1>\\p{L}{1,}?)");
}

// Each pattern's twin, as RE2 reads the pattern: escapes, classes, quotes
// and other counts are no lazy counted repetitions, and greedy ones stay.
TEST(CountedRepetitions, ReadsThePatternAsRE2Does) {
  struct Case {
    std::string pattern, twin;
    size_t counted;
  };
  const std::vector<Case> cases = {
      {"\\p{L}+ \\x{259}[{1,2}]a{3}b{2,}\\{1,2\\}c{1,4}", "\\p{L}+ \\x{259}[{1,2}]a{3}b{2,}\\{1,2\\}c{1,4}", 0},
      {"[^\\]{]{1,4}?[]a]{0,6}?", "(?P<bilik_count_0>[^\\]{]{1,}?)(?P<bilik_count_1>[]a]{0,}?)", 2},
      {"\\pL{1,2}?\\x61{0,2}?\\141{1,3}?", "(?P<bilik_count_0>\\pL{1,}?)(?P<bilik_count_1>\\x61{0,}?)(?P<bilik_count_2>\\141{1,}?)", 3},
      {"[[:alpha:]a{0,3}?]", "[[:alpha:]a{0,3}?]", 0},
      {"\\Q(a{1,3}?\\Eb{1,3}?\\Qc\\E{1,2}?", "\\Q(a{1,3}?\\E(?P<bilik_count_0>b{1,}?)\\Qc\\E{1,2}?", 1},
      {"(?:a{0,2}?b)?(?i){2}c{1,2}?", "(?:a{0,2}?b)?(?i){2}c{1,2}?", 0},  // RE2 reads ((?:a{0,2}?b)?){2}
      {"(?i)a{1,2}?(?s:b){1,2}?", "(?i)(?P<bilik_count_0>a{1,}?)(?P<bilik_count_1>(?s:b){1,}?)", 2},
  };
  for (const Case& c : cases) {
    std::vector<CountedRepetition> counted;
    EXPECT_EQ(twin(c.pattern, counted), c.twin) << c.pattern;
    EXPECT_EQ(counted.size(), c.counted) << c.pattern;
  }
}

// A capture of a repetition inside a group taken more than once holds its
// last run only: a group around the whole outermost repeated group holds
// them all, and bounds each.
TEST(CountedRepetitions, OnesInsideARepeatedGroupAreBoundedByAGroupAroundAllTheirRuns) {
  std::vector<CountedRepetition> counted;
  EXPECT_EQ(twin("(?:a{0,2}?b)+(?:c{1,2}?d)?(?:e{0,3}?f){2}(?:g{0,4}?h){1,3}?", counted),
            "(?P<bilik_span_0>(?:(?P<bilik_count_0>a{0,}?)b)+)"
            "(?:(?P<bilik_count_1>c{1,}?)d)?"
            "(?P<bilik_span_1>(?:(?P<bilik_count_2>e{0,}?)f){2})"
            "(?P<bilik_span_2>(?P<bilik_count_4>(?:(?P<bilik_count_3>g{0,}?)h){1,}?))");
  ASSERT_EQ(counted.size(), 5u);
  EXPECT_EQ(counted[0].span, 0u);
  EXPECT_EQ(counted[1].span, std::nullopt);  // taken at most once
  EXPECT_EQ(counted[2].span, 1u);
  EXPECT_EQ(counted[3].span, 2u);
  EXPECT_EQ(counted[4].body, "(?:(?P<bilik_count_3>g{0,}?)h)");
  // Nested twice: the outermost repeated group holds every run.
  EXPECT_EQ(twin("(?:(?:a{0,2}?b)*c)+", counted),
            "(?P<bilik_span_1>(?:(?P<bilik_span_0>(?:(?P<bilik_count_0>a{0,}?)b)*)c)+)");
  ASSERT_EQ(counted.size(), 1u);
  EXPECT_EQ(counted[0].span, 1u);
  // A greedy bound is kept as written, and still repeats what it holds.
  EXPECT_EQ(twin("(?:a{1,2}?b){1,2}", counted), "(?P<bilik_span_0>(?:(?P<bilik_count_0>a{1,}?)b){1,2})");
  ASSERT_EQ(counted.size(), 1u);
  EXPECT_EQ(counted[0].span, 0u);
}

TEST(CountedRepetitions, MarkersAreWhatEveryPassHolds) {
  const auto space = markers_of("(?:[\\p{L}-]+,? |<<(?:STATE|ORGANIZATION)[^>]*>> )");
  ASSERT_TRUE(space);
  EXPECT_TRUE((*space)[' ']);
  EXPECT_FALSE((*space)[',']);  // optional
  const auto gap = markers_of("[\\p{L}\\p{N}]+[ \\n]+");
  ASSERT_TRUE(gap);
  EXPECT_TRUE((*gap)[' '] && (*gap)['\n']);
  const auto initial = markers_of("(?:\\p{L}\\. ?|(?:[ ](?:\\p{L}+)))");  // "M. " or " Zərif"
  ASSERT_TRUE(initial);
  EXPECT_TRUE((*initial)['.'] && (*initial)[' ']);
  EXPECT_FALSE(markers_of("(?:[^<]|<<[^>]*>>)"));  // "a" holds none
  EXPECT_FALSE(markers_of("(?:a |b)"));
  EXPECT_FALSE(markers_of("a ?"));
  EXPECT_FALSE(markers_of("(?:a b)*"));
  EXPECT_FALSE(markers_of("[a ]"));
  EXPECT_FALSE(markers_of("a (?i)?"));  // the "?" is the space's
}

TEST(CountedRepetitions, BodiesThatMayReadNothing) {
  const RE2::Options options;
  EXPECT_TRUE(may_match_nothing("a?", options));
  EXPECT_TRUE(may_match_nothing("(?:^|b)", options));
  EXPECT_TRUE(may_match_nothing("(?:\\bx)", options));
  EXPECT_FALSE(may_match_nothing("[^<]", options));
  EXPECT_FALSE(may_match_nothing("(?:[\\p{L}-]+ )", options));
}

}  // namespace
}  // namespace bilik
