#include "bilik/rule_pack.h"
#include "../../extractor/src/entity_rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "test_pack.h"

namespace bilik {
namespace {

namespace fs = std::filesystem;

// A copy of the bundled pack with one file replaced.
fs::path pack_with(const std::string& file, const std::string& content) {
  const fs::path dir = fs::temp_directory_path() / ("bilik-pack-" + std::to_string(::getpid()) + "-" +
                                                    std::to_string(std::hash<std::string>{}(content)));
  fs::remove_all(dir);
  fs::copy(BILIK_TEST_PACK, dir, fs::copy_options::recursive);
  std::ofstream(dir / file) << content;
  return dir;
}

TEST(RulePack, LoadsTheBundledPack) {
  auto pack = load_rule_pack(BILIK_TEST_PACK);
  ASSERT_TRUE(pack) << pack.error();
  EXPECT_FALSE(pack->entity_rules.empty());
  EXPECT_EQ(pack->hash.size(), 16u);
}

// A rule that needs a two-byte literal is filtered by it: a byline's "- "
// ("- Rəşad Əliyev"), an alternation with a two-byte word in it ("sc").
TEST(RulePack, TwoByteLiteralsFilterRules) {
  auto pack = load_rule_pack(pack_with("rules/entities.json", R"J({"entity_rules": [
    {"id": "byline", "type": "PERSON", "pattern": "-[ ](?P<name>\\p{L}+ \\p{L}+)"},
    {"id": "kind", "type": "ORGANIZATION", "pattern": "\"(?P<name>[^\"]+)\" (?:sc|asc|şirkəti)"}]})J").string());
  ASSERT_TRUE(pack) << pack.error();
  EXPECT_FALSE(pack->entity_filter.unfiltered);
  EXPECT_TRUE(pack->entity_filter.candidates("Bakıda hava isti olacaq.").empty());
  EXPECT_EQ(pack->entity_filter.candidates("Xəbəri yazdı - Rəşad Əliyev"), std::vector<int>({0}));
  EXPECT_EQ(pack->entity_filter.candidates("\"Azəriqaz\" asc bildirib"), std::vector<int>({1}));
}

// A rule no two-byte literal guards but a one-byte one does (a place chain
// needs its "-") runs only on text holding that byte; the other rules keep
// their own guards, and a rule with no literal at all still runs everywhere.
TEST(RulePack, OneByteLiteralsGuardOnlyTheRulesNothingLongerGuards) {
  auto pack = load_rule_pack(pack_with("rules/entities.json", R"J({"entity_rules": [
    {"id": "chain", "type": "LOCATION", "pattern": "(?P<name>\\p{L}+(?:-\\p{L}+){2,5})"},
    {"id": "kind", "type": "ORGANIZATION", "pattern": "\"(?P<name>[^\"]+)\" (?:sc|asc|şirkəti)"},
    {"id": "any", "type": "PERSON", "pattern": "(?P<name>\\p{Lu}\\p{L}{2,})"}]})J").string());
  ASSERT_TRUE(pack) << pack.error();
  EXPECT_TRUE(pack->entity_filter.unfiltered);
  ASSERT_TRUE(pack->entity_filter.short_guard);
  EXPECT_EQ(pack->entity_filter.short_guard->guarded, std::vector<int>({0}));
  EXPECT_EQ(pack->entity_filter.candidates("Bakıda hava isti olacaq."), std::vector<int>({2}));
  EXPECT_EQ(pack->entity_filter.candidates("Bakı-Tbilisi-Qars dəmir yolu"), std::vector<int>({0, 2}));
  EXPECT_EQ(pack->entity_filter.candidates("\"Azəriqaz\" asc - bildirib"), std::vector<int>({0, 1, 2}));
}

// The bundled place chains are guarded by their "-".
TEST(RulePack, TheBundledPlaceChainNeedsAHyphen) {
  auto pack = load_rule_pack(BILIK_TEST_PACK);
  ASSERT_TRUE(pack) << pack.error();
  int chain = -1;
  for (size_t i = 0; i < pack->entity_rules.size(); ++i)
    if (pack->entity_rules[i].id == "location-chain") chain = static_cast<int>(i);
  ASSERT_GE(chain, 0);
  auto runs = [&](std::string_view text) {
    const std::vector<int> rules = pack->entity_filter.candidates(text);
    return std::find(rules.begin(), rules.end(), chain) != rules.end();
  };
  EXPECT_FALSE(runs("prezident bu gün bakıda görüş keçirib."));
  EXPECT_TRUE(runs("bakı-tbilisi-qars dəmir yolu xətti"));
}

// The rules a set of atoms lets through are remembered per thread: a pack
// loaded after another (perhaps at the same address) answers for its own.
TEST(RulePack, EachPacksFilterAnswersForItsOwnRules) {
  auto one_rule = load_rule_pack(pack_with("rules/entities.json", R"J({"entity_rules": [
    {"id": "a", "type": "PERSON", "pattern": "(?P<name>qızılgül \\p{L}+)"}]})J").string());
  ASSERT_TRUE(one_rule) << one_rule.error();
  EXPECT_EQ(one_rule->entity_filter.candidates("bağda qızılgül açdı"), std::vector<int>({0}));
  one_rule = Result<RulePack>::failure("dropped");
  auto two_rules = load_rule_pack(pack_with("rules/entities.json", R"J({"entity_rules": [
    {"id": "b", "type": "PERSON", "pattern": "(?P<name>bənövşə \\p{L}+)"},
    {"id": "c", "type": "LOCATION", "pattern": "(?P<name>bənövşə \\p{L}+ \\p{L}+)"}]})J").string());
  ASSERT_TRUE(two_rules) << two_rules.error();
  // Its one atom ("bənövşə ") has the id the first pack's one atom had.
  ASSERT_EQ(two_rules->entity_filter.atoms.size(), 1u);
  EXPECT_EQ(two_rules->entity_filter.candidates("bağda bənövşə açdı"), std::vector<int>({0, 1}));
  EXPECT_EQ(two_rules->entity_filter.candidates("bağda bənövşə açdı"), std::vector<int>({0, 1}));
  EXPECT_TRUE(two_rules->entity_filter.candidates("bağda lalə açdı").empty());
}

TEST(RulePack, ABadPatternNamesFileRuleAndRe2Message) {
  const auto dir = pack_with("rules/entities.json",
                             R"J({"entity_rules": [{"id": "broken-1", "type": "PERSON", "pattern": "(?P<name>a"}]})J");
  auto pack = load_rule_pack(dir.string());
  ASSERT_FALSE(pack);
  EXPECT_NE(pack.error().find("entities.json: rule broken-1: RE2: missing )"), std::string::npos) << pack.error();
}

TEST(RulePack, AJsonSyntaxErrorNamesLineAndColumn) {
  const auto dir = pack_with("rules/entities.json", "{\n  \"entity_rules\": [\n    {\"id\": }\n]}");
  auto pack = load_rule_pack(dir.string());
  ASSERT_FALSE(pack);
  EXPECT_NE(pack.error().find("entities.json:3:"), std::string::npos) << pack.error();
}

TEST(RulePack, UnknownTypesAndMissingGroupsAreLoadErrors) {
  auto dir = pack_with("rules/entities.json",
                       R"J({"entity_rules": [{"id": "t", "type": "PLANET", "pattern": "(?P<name>x)"}]})J");
  EXPECT_NE(load_rule_pack(dir.string()).error().find("unknown type 'PLANET'"), std::string::npos);
  dir = pack_with("rules/entities.json",
                  R"J({"entity_rules": [{"id": "g", "type": "PERSON", "pattern": "x", "span": ["head"]}]})J");
  EXPECT_NE(load_rule_pack(dir.string()).error().find("no group (?P<head>"), std::string::npos);
}

TEST(RulePack, ADemonymHeadWithNoLettersIsALoadError) {
  const auto dir = pack_with("pack.json", R"J({"morphology": "morphology.json", "demonym_heads": ["həmkar", " - "]})J");
  auto pack = load_rule_pack(dir.string());
  ASSERT_FALSE(pack);
  EXPECT_NE(pack.error().find("pack.json: demonym_heads: \" - \" has no letters"), std::string::npos) << pack.error();
}

TEST(RulePack, AFigureUnitWithNoWordIsALoadError) {
  std::ifstream in(fs::path(BILIK_TEST_PACK) / "figures.json");
  nlohmann::json figures = nlohmann::json::parse(in);
  for (const char* words : {R"J([])J", R"J(["abş", ""])J"}) {
    figures["units"][0]["words"] = nlohmann::json::parse(words);
    auto pack = load_rule_pack(pack_with("figures.json", figures.dump()).string());
    ASSERT_FALSE(pack) << words;
    EXPECT_NE(pack.error().find("figures.json: unit \"" + figures["units"][0]["unit"].get<std::string>() +
                                "\" has an empty word list or an empty word"),
              std::string::npos)
        << pack.error();
  }
}

TEST(RulePack, AnUnknownKeyIsALoadErrorNamingFileRuleAndKey) {
  auto error = [](const std::string& file, const std::string& content) {
    return load_rule_pack(pack_with(file, content).string()).error();
  };
  EXPECT_NE(error("rules/entities.json", R"J({"entity_rules": [{"id": "e", "type": "PERSON", "patern": "x"}]})J")
                .find("entities.json: rule e: unknown key 'patern' (did you mean 'pattern'?)"),
            std::string::npos);
  EXPECT_NE(error("rules/entities.json",
                  R"J({"entity_rules": [{"id": "e", "type": "PERSON", "pattern": "x", "priorty": 5}]})J")
                .find("entities.json: rule e: unknown key 'priorty' (did you mean 'priority'?)"),
            std::string::npos);
  EXPECT_NE(error("rules/entities.json",
                  R"J({"entity_rules": [{"id": "e", "type": "PERSON", "pattern": "(?P<name>x)",
                       "examples": [{"text": "x", "nmae": "x"}]}]})J")
                .find("entities.json: rule e: example: unknown key 'nmae' (did you mean 'name'?)"),
            std::string::npos);
  EXPECT_NE(error("rules/entities.json", R"J({"entity_rules": [], "relation": []})J")
                .find("entities.json: unknown key 'relation' (known keys: define, entity_rules, relation_rules, "
                      "inferences)"),
            std::string::npos);
  const std::string pack_json = R"J({"morphology": "morphology.json", "gazeteers": ["gazetteer/states.tsv"]})J";
  EXPECT_NE(error("pack.json", pack_json).find("pack.json: unknown key 'gazeteers' (did you mean 'gazetteers'?)"),
            std::string::npos);
  // "about" is a comment anywhere.
  EXPECT_TRUE(load_rule_pack(pack_with("rules/entities.json",
                                       R"J({"about": "x", "entity_rules": [{"id": "e", "about": "y", "type": "PERSON",
                                           "pattern": "(?P<name>Bakı)"}]})J")
                                 .string()));
}

TEST(RulePack, AnEmptyPatternIsALoadError) {
  const auto dir = pack_with("rules/entities.json", R"J({"entity_rules": [{"id": "e", "type": "PERSON", "pattern": ""}]})J");
  EXPECT_NE(load_rule_pack(dir.string()).error().find("entities.json: rule e: the pattern is empty"), std::string::npos);
}

TEST(RulePack, ARelationRuleOfTheWrongTypeIsALoadError) {
  const auto dir = pack_with(
      "rules/relations.json",
      R"J({"relation_rules": [{"id": "visited-9", "predicate": "visited",
           "pattern": "(?P<subject><<TREATY:\\d+:[a-z]+>>) (?P<object><<STATE:\\d+:[a-z]+>>)"}]})J");
  auto pack = load_rule_pack(dir.string());
  ASSERT_FALSE(pack);
  EXPECT_NE(pack.error().find("rule visited-9: group subject matches TREATY, but visited takes PERSON"),
            std::string::npos)
      << pack.error();
  const auto unknown = pack_with("rules/relations.json",
                                 R"J({"relation_rules": [{"id": "r", "predicate": "admires", "pattern": "x"}]})J");
  EXPECT_NE(load_rule_pack(unknown.string()).error().find("unknown predicate 'admires'"), std::string::npos);
}

// Entity and relation rules are read side by side; what is reported is what
// one pass over the files in pack.json's order meets first.
TEST(RulePack, ErrorsAreReportedInTheOrderOfTheFiles) {
  const fs::path dir = pack_with("rules/relations.json",
                                 R"J({"relation_rules": [{"id": "r", "predicate": "admires", "pattern": "x"}]})J");
  std::ofstream(dir / "rules/entities.json")
      << R"J({"entity_rules": [{"id": "broken-2", "type": "PERSON", "pattern": "(?P<name>a"}]})J";
  auto pack = load_rule_pack(dir.string());
  ASSERT_FALSE(pack);
  EXPECT_NE(pack.error().find("entities.json: rule broken-2: RE2: missing )"), std::string::npos) << pack.error();

  std::ofstream(dir / "rules/entities.json")
      << R"J({"entity_rules": [{"id": "visited", "type": "PERSON", "pattern": "(?P<name>Bakı)"}]})J";
  std::ofstream(dir / "rules/relations.json")
      << R"J({"relation_rules": [{"id": "visited", "predicate": "visited",
              "pattern": "(?P<subject><<PERSON:\\d+:[a-z]+:[a-z]+>>) (?P<object><<STATE:\\d+:[a-z]+:[a-z]+>>)"}]})J";
  pack = load_rule_pack(dir.string());
  ASSERT_FALSE(pack);
  EXPECT_NE(pack.error().find("relations.json: rule visited: the id is used twice"), std::string::npos) << pack.error();

  // A rule file of the wrong shape is met where it is.
  std::ofstream(dir / "rules/entities.json")
      << R"J({"entity_rules": [{"id": "broken-3", "type": "PERSON", "pattern": "(?P<name>a"}]})J";
  std::ofstream(dir / "rules/relations.json") << R"J({"relation_rules": [42]})J";
  pack = load_rule_pack(dir.string());
  ASSERT_FALSE(pack);
  EXPECT_NE(pack.error().find("entities.json: rule broken-3: RE2: missing )"), std::string::npos) << pack.error();

  // A second use of an id comes before a later rule's own problem.
  std::ofstream(dir / "rules/entities.json") << R"J({"entity_rules": []})J";
  std::ofstream(dir / "rules/relations.json")
      << R"J({"relation_rules": [
           {"id": "a", "predicate": "visited", "pattern": "(?P<subject><<PERSON:\\d+:[a-z]+:[a-z]+>>) (?P<object><<STATE:\\d+:[a-z]+:[a-z]+>>)"},
           {"id": "a", "predicate": "visited", "pattern": "(?P<subject><<PERSON:\\d+:[a-z]+:[a-z]+>>) (?P<object><<STATE:\\d+:[a-z]+:[a-z]+>>)"},
           {"id": "b", "predicate": "admires", "pattern": "x"}]})J";
  pack = load_rule_pack(dir.string());
  ASSERT_FALSE(pack);
  EXPECT_NE(pack.error().find("relations.json: rule a: the id is used twice"), std::string::npos) << pack.error();
}

TEST(RulePack, GroupsThatOpenOrSpanEveryMatchAreMarked) {
  // Only where every match starts with the group may the matcher skip to
  // words of the list: not in an alternative, not when the group is optional.
  // A capitalized group that is the whole pattern is checked on the match.
  const auto dir = pack_with("rules/entities.json", R"J({"entity_rules": [
    {"id": "given-first", "type": "PERSON", "pattern": "(?P<name>(?P<given>\\p{L}+)(?: {W}){1,2})",
     "in_list": {"given": "given_names"}, "capitalized": ["name"]},
    {"id": "given-or-title", "type": "PERSON", "pattern": "(?P<name>(?P<given>\\p{L}+) {W}|cənab {W})",
     "in_list": {"given": "given_names"}},
    {"id": "given-optional", "type": "PERSON", "pattern": "(?:(?P<given>\\p{L}+) )?(?P<name>{W})",
     "in_list": {"given": "given_names"}, "capitalized": ["name"]}]})J");
  auto pack = load_rule_pack(dir.string());
  ASSERT_TRUE(pack) << pack.error();
  std::map<std::string, std::string> leading;
  for (const EntityRule& r : pack->entity_rules) leading[r.id] = r.leading_list;
  EXPECT_EQ(leading["given-first"], "given_names");
  EXPECT_EQ(leading["given-or-title"], "");
  EXPECT_EQ(leading["given-optional"], "");
  EXPECT_EQ(pack->entity_rules[0].capitalized_whole, "name");
  EXPECT_EQ(pack->entity_rules[2].capitalized_whole, "");
}

// Every match opens with a letter or a digit, or some match may not.
TEST(RulePack, PatternsThatOpenWithALetterOrADigit) {
  for (const char* p : {"\\p{L}+", "(?P<name>(?:\\p{L}\\. ?|[\\p{L}\\p{N}]+ ){1,2}\\p{L}+|(?:\\p{L}\\.){1,2}\\p{L}{2,})",
                        "[a-zə0-9]x", "(?:abş|ərəb)\\p{L}*", "(x|y)+z", "\\d{2}", "ş"})
    EXPECT_TRUE(opens_with_word_char(p)) << p;
  for (const char* p : {"", "\\p{L}?x", "(?:a|)b", "(?:a| b)", "[\\p{L}-]x", "[A-z]", "[^a]", "\"x\"", "(?i:a)",
                        "\\p{L}*a", "a|", "(?:a){0,2}b", "\\P{L}", "\\w", ".a", "—", "^a", "(?:a)?b"})
    EXPECT_FALSE(opens_with_word_char(p)) << p;
  // The bundled rule for family names of a known shape opens so.
  for (const EntityRule& r : test::pack().entity_rules) {
    if (r.id == "person-surname-shape") {
      EXPECT_TRUE(r.opens_with_word_char && !r.capitalized_whole.empty());
    }
  }
}

TEST(RulePack, ChangingAnyFileChangesTheHash) {
  auto base = load_rule_pack(BILIK_TEST_PACK);
  const auto dir = pack_with("gazetteer/locations.tsv", "Quba\tLOCATION\t\n");
  auto changed = load_rule_pack(dir.string());
  ASSERT_TRUE(base && changed);
  EXPECT_NE(base->hash, changed->hash);
}

}  // namespace
}  // namespace bilik
