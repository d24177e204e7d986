#include "bilik/curation_file.h"

#include <gtest/gtest.h>

namespace bilik {
namespace {

using Verb = CurationStatement::Verb;

CurationStatement one(const std::string& line) {
  auto parsed = parse_curation_line(line, "fix.txt", 3);
  EXPECT_TRUE(parsed) << parsed.error();
  EXPECT_EQ(parsed->size(), 1u);
  return parsed->empty() ? CurationStatement{} : (*parsed)[0];
}

std::string error_of(const std::string& text) {
  auto parsed = parse_curation(text, "fix.txt");
  EXPECT_FALSE(parsed) << text;
  return parsed ? "" : parsed.error();
}

TEST(CurationFile, ReadsEveryVerb) {
  const auto merge = one(R"(merge "Şavkat Mirziyoyev" "Şövkət Mirziyoyev" PERSON:Mirziyoyev)");
  EXPECT_EQ(merge.verb, Verb::Merge);
  ASSERT_EQ(merge.entities.size(), 3u);
  EXPECT_EQ(merge.entities[0].name, "Şavkat Mirziyoyev");
  EXPECT_EQ(merge.entities[2].type, "PERSON");
  EXPECT_EQ(merge.entities[2].name, "Mirziyoyev");
  EXPECT_EQ(merge.source, "fix.txt:3");

  const auto split = one(R"(split ORGANIZATION:"Müdafiə Nazirliyi" in rusiya.txt "xəbər/ukrayna.txt" as "Rusiya Müdafiə Nazirliyi")");
  EXPECT_EQ(split.verb, Verb::Split);
  EXPECT_EQ(split.entities[0].type, "ORGANIZATION");
  EXPECT_EQ(split.documents, (std::vector<std::string>{"rusiya.txt", "xəbər/ukrayna.txt"}));
  EXPECT_EQ(split.value, "Rusiya Müdafiə Nazirliyi");

  EXPECT_EQ(one(R"(rename "Tokayev" "Qasım-Jomart Tokayev")").value, "Qasım-Jomart Tokayev");
  EXPECT_EQ(one("retype Qarabağ LOCATION").value, "LOCATION");
  EXPECT_EQ(one(R"(alias ABŞ "Amerika Birləşmiş Ştatları")").verb, Verb::Alias);
  EXPECT_EQ(one(R"(drop "Bakı Şəhər")").entities[0].name, "Bakı Şəhər");
  const auto triple = one(R"(drop-triple "Tokayev" visited *  # any object)");
  EXPECT_EQ(triple.value, "visited");
  EXPECT_TRUE(triple.entities[1].any);
}

TEST(CurationFile, NamesMatchThroughTurkicFolding) {
  const auto s = one(R"(drop "İLHAM ƏLİYEV")");
  EXPECT_EQ(s.entities[0].key, "ilham əliyev");
  EXPECT_TRUE(ref_matches(s.entities[0], "PERSON", {"ilham əliyev"}));
  const auto typed = one(R"(drop STATE:"Azərbaycan")");
  EXPECT_FALSE(ref_matches(typed.entities[0], "ORGANIZATION", {"azərbaycan"}));
  EXPECT_TRUE(ref_matches(typed.entities[0], "STATE", {"azərbaycan"}));
}

TEST(CurationFile, CommentsAndBlankLinesAreSkipped) {
  auto parsed = parse_curation("# Bakı fixes\n\n   \nmerge \"Bakı\" \"Baku\"  # English spelling\r\n", "fix.txt");
  ASSERT_TRUE(parsed) << parsed.error();
  ASSERT_EQ(parsed->size(), 1u);
  EXPECT_EQ((*parsed)[0].source, "fix.txt:4");
}

TEST(CurationFile, TheCanonicalLineParsesToTheSameStatement) {
  for (const std::string line :
       {R"(merge PERSON:"Şavkat Mirziyoyev" "Şövkət \"Mirziyoyev\"")", R"(split "Müdafiə Nazirliyi" in "a b.txt" as "X")",
        "retype Qarabağ LOCATION", R"(drop-triple "Tokayev" met_with PERSON:"Ərdoğan")", R"(drop-triple "Tokayev" visited *)"}) {
    const auto s = one(line);
    const auto again = one(s.line());
    EXPECT_EQ(again.line(), s.line()) << line;
  }
  EXPECT_EQ(one("drop Bakı").line(), R"(drop "Bakı")");
}

TEST(CurationFile, ErrorsNameFileLineAndColumn) {
  EXPECT_EQ(error_of("# ok\nmerg \"Əliyev\" \"Aliyev\"\n"),
            "fix.txt:2:1: 'merg' is not a curation verb (merge A B..., split A in DOCUMENT... [as NAME], rename A NAME, "
            "retype A TYPE, alias A NAME, drop A, drop-triple A PREDICATE B|*); did you mean merge?");
  // Columns count characters, not bytes.
  EXPECT_EQ(error_of("merge \"Şəki\" \"Şəki\"\n"), "fix.txt:1:14: merges 'Şəki' with itself");
  EXPECT_EQ(error_of("rename \"Şəki\" \"Nuxa\n"), "fix.txt:1:15: the quote is not closed on this line");
  EXPECT_EQ(error_of("retype Şəki CITY"),
            "fix.txt:1:13: 'CITY' is not an entity type (PERSON, STATE, ORGANIZATION, TREATY, LOCATION)");
  EXPECT_EQ(error_of("drop PERSN:\"Əliyev\""),
            "fix.txt:1:6: 'PERSN' is not an entity type (PERSON, STATE, ORGANIZATION, TREATY, LOCATION); did you mean "
            "PERSON?");
  EXPECT_EQ(error_of("drop-triple Tokayev visits Ankara"),
            "fix.txt:1:21: 'visits' is not a predicate of schema/predicates.json; did you mean visited?");
  EXPECT_EQ(error_of("merge Əliyev"), "fix.txt:1:13: merge needs a second entity (merge A B...)");
  EXPECT_EQ(error_of("drop Əliyev Aliyev"), "fix.txt:1:13: unexpected 'Aliyev' after the statement (drop A)");
  EXPECT_EQ(error_of("split Nazirlik Ukrayna.txt"), "fix.txt:1:16: expected 'in' (split A in DOCUMENT... [as NAME])");
  EXPECT_EQ(error_of("rename Əliyev \"  \""), "fix.txt:1:15: the name is empty");
  EXPECT_EQ(error_of("alias Əliyev PERSON:\"Aliyev\""),
            "fix.txt:1:14: a new name takes no type; to change the type use retype");
  EXPECT_NE(error_of("drop \"Bak\xC4\""), "");
}

TEST(CurationFile, TheFirstBadLineFailsTheWholeFile) {
  EXPECT_EQ(error_of("drop Bakı\ndrop\ndrop Gəncə\n"), "fix.txt:2:5: drop needs an entity (drop A)");
}

TEST(CurationFile, CommandLineWordsNeedNoQuotes) {
  auto s = curation_from_words({"merge", "Şavkat Mirziyoyev", "PERSON:Şövkət Mirziyoyev"}, "x:1");
  ASSERT_TRUE(s) << s.error();
  EXPECT_EQ(s->line(), R"(merge "Şavkat Mirziyoyev" PERSON:"Şövkət Mirziyoyev")");
  auto bad = curation_from_words({"retype", "Qarabağ", "location"}, "x:1");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error(),
            "'location' is not an entity type (PERSON, STATE, ORGANIZATION, TREATY, LOCATION); did you mean LOCATION?");
  EXPECT_FALSE(curation_from_words({}, "x:1"));
}

}  // namespace
}  // namespace bilik
