#include "bilik/rule_pack.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <exception>
#include <system_error>
#include <thread>

#include "bilik/fnv1a.h"
#include "bilik/utf8.h"
#include "entity_rules.h"
#include "relation_rules.h"
#include "rule_files.h"

namespace bilik {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// One folded word or name per line of `path` ('#' starts a comment line),
// into `words`; the file's text goes into the pack's fingerprint.
Status read_word_list(const fs::path& path, WordSet& words, uint64_t& hash) {
  auto text = read_file(path);
  if (!text) return Status::failure(text.error());
  hash = fnv1a(hash, text->text);
  std::istringstream lines(text->text);
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') words.insert(fold_key(line));
  }
  return {};
}

// Finishes a rule filter: the atoms to look for, one automaton finding them
// all in a pass, and where each filter id's rule sits after sorting.
// `belongs` tells the rules whose patterns this filter holds.
template <class Rule, class Belongs>
void finish_filter(RulePack::RuleFilter& f, const std::vector<Rule>& rules, Belongs belongs) {
  f.rule_of_id.assign(f.filter->NumRegexps(), 0);
  for (size_t i = 0; i < rules.size(); ++i)
    if (belongs(rules[i])) f.rule_of_id[rules[i].filter_id] = static_cast<int>(i);
  if (f.filter->NumRegexps() == 0) return;
  f.filter->Compile(&f.atoms);
  for (const std::string& atom : f.atoms) f.longest_atom = std::max(f.longest_atom, atom.size());
  f.scanner = std::make_shared<const AtomScanner>(f.atoms);
  std::vector<int> always;  // the rules no atom guards
  f.filter->AllPotentials({}, &always);
  f.unfiltered = !always.empty();
}

// Where a rule is in the rule files: the file (pack.json's order), the part
// of it (relation rules, inferences, entity rules: the order one pass reads
// them in) and its index there. A load reports the problem met first.
enum class Section { RelationRules, Inferences, EntityRules };
struct Place {
  size_t file = 0;
  Section section = Section::RelationRules;
  size_t index = 0;
  auto operator<=>(const Place&) const = default;
};
struct Problem {
  Place place;
  std::string error;
};
using RuleFiles = std::vector<std::pair<std::string, json>>;  // path, contents
using Defines = std::map<std::string, std::string>;

// Calls `read(node, path, section, at)` on each entry of the named sections
// of each file, in the files' order, `at` the entry's place; stops at the
// first problem it returns. A rule file's JSON of the wrong shape throws
// where it is read: the problem is then the pack's, at that place.
template <class Read>
std::optional<Problem> read_sections(const RuleFiles& files, const fs::path& root,
                                     std::initializer_list<std::pair<const char*, Section>> sections, Read read) {
  Place at;
  try {
    for (at.file = 0; at.file < files.size(); ++at.file) {
      const auto& [path, doc] = files[at.file];
      for (const auto& [key, section] : sections) {
        at = {at.file, section, 0};
        if (!doc.contains(key)) continue;
        for (const auto& node : doc.at(key)) {
          if (auto problem = read(node, path, section, at)) return problem;
          ++at.index;
        }
      }
    }
  } catch (const json::exception& e) {
    return Problem{at, (root / "pack.json").string() + ": " + e.what()};
  }
  return std::nullopt;
}

// The relation rules and inferences of every file into `pack`, their
// filters finished, and where each rule was; or the first problem.
std::optional<Problem> read_relation_rules(const RuleFiles& files, const Defines& defines, const fs::path& root,
                                           RulePack& pack, std::vector<Place>& places) {
  auto problem = read_sections(
      files, root, {{"relation_rules", Section::RelationRules}, {"inferences", Section::Inferences}},
      [&](const json& node, const std::string& path, Section section, const Place& at) -> std::optional<Problem> {
        if (section == Section::Inferences) {
          auto inference = parse_inference(node, path);
          if (!inference) return Problem{at, inference.error()};
          pack.inferences.push_back(std::move(*inference));
          return std::nullopt;
        }
        auto rule = parse_relation_rule(node, path, defines, pack.relation_filters);
        if (!rule) return Problem{at, rule.error()};
        pack.relation_rules.push_back(std::move(*rule));
        places.push_back(at);
        return std::nullopt;
      });
  if (problem) return problem;
  for (int window : {1, 2})
    finish_filter(pack.relation_filters[window - 1], pack.relation_rules,
                  [&](const RelationRule& r) { return r.window == window; });
  return std::nullopt;
}

// The entity rules of every file into `pack` (their filter is finished once
// they are sorted), and where each rule was; or the first problem.
std::optional<Problem> read_entity_rules(const RuleFiles& files, const Defines& defines, const fs::path& root,
                                         RulePack& pack, std::vector<Place>& places) {
  return read_sections(
      files, root, {{"entity_rules", Section::EntityRules}},
      [&](const json& node, const std::string& path, Section, const Place& at) -> std::optional<Problem> {
        auto rule = parse_rule(node, path, defines, pack.entity_filter.filter);
        if (!rule) return Problem{at, rule.error()};
        for (const auto& [group, list] : rule->in_list)
          if (!pack.word_lists.contains(list))
            return Problem{at, path + ": rule " + rule->id + ": in_list names the word list '" + list +
                                   "', which pack.json's \"word_lists\" does not define"};
        for (const auto& [group, list] : rule->in_list)
          if (opens_with_letters(rule->pattern->pattern(), group)) rule->leading_list = list;
        for (const std::string& group : rule->capitalized_groups)
          if (is_whole_pattern(rule->pattern->pattern(), group)) rule->capitalized_whole = group;
        rule->opens_capitalized = rule->walk && rule->walk->source == NameWalk::Source::Group &&
                                  !rule->walk->from_end && rule->walk->words == NameWalk::Words::Capitalized &&
                                  is_whole_pattern(rule->pattern->pattern(), "name");
        if (const auto& names = rule->pattern->CapturingGroupNames();
            rule->pattern->NumberOfCapturingGroups() == 1 && names.count(1))
          rule->group_is_match = is_whole_pattern(rule->pattern->pattern(), names.at(1));
        pack.entity_rules.push_back(std::move(*rule));
        places.push_back(at);
        return std::nullopt;
      });
}

// The first rule, in the files' order, whose id an earlier rule has.
std::optional<Problem> first_id_used_twice(const RuleFiles& files, const RulePack& pack,
                                           const std::vector<Place>& relation_places,
                                           const std::vector<Place>& entity_places) {
  std::vector<std::pair<Place, const std::string*>> rules;
  for (size_t i = 0; i < relation_places.size(); ++i) rules.emplace_back(relation_places[i], &pack.relation_rules[i].id);
  for (size_t i = 0; i < entity_places.size(); ++i) rules.emplace_back(entity_places[i], &pack.entity_rules[i].id);
  std::sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  WordSet ids;
  for (const auto& [place, id] : rules)
    if (!ids.insert(*id).second)
      return Problem{place, files[place.file].first + ": rule " + *id + ": the id is used twice"};
  return std::nullopt;
}

}  // namespace

Result<RulePack> load_rule_pack(const std::string& dir) {
  const fs::path root(dir);
  auto manifest_file = read_file(root / "pack.json");
  if (!manifest_file) return Result<RulePack>::failure(manifest_file.error() + " (is " + dir + " a rule pack?)");
  auto manifest = parse_json(*manifest_file);
  if (!manifest) return Result<RulePack>::failure(manifest.error());
  if (Status s = known_keys(*manifest,
                            {"language", "morphology", "gazetteers", "figures", "dates", "lexicon", "word_lists",
                             "demonyms", "demonym_heads", "state_bodies", "state_body_heads", "treaty_kind_words", "patterns", "abbreviations", "treaty_subject_ends", "number_words"},
                            manifest_file->path + ": ");
      !s)
    return Result<RulePack>::failure(s.error());
  // The extractor's version is part of the fingerprint: a new bilik re-extracts.
  uint64_t hash = fnv1a(fnv1a(kFnv1aOffset, BILIK_VERSION), manifest_file->text);

  RulePack pack;
  pack.dir = dir;
  pack.entity_filter.filter = std::make_shared<re2::FilteredRE2>(3);
  for (RulePack::RuleFilter& f : pack.relation_filters) f.filter = std::make_shared<re2::FilteredRE2>(3);
  try {
    const fs::path morphology_path = root / manifest->at("morphology").get<std::string>();
    auto morphology = Morphology::load(morphology_path.string());
    if (!morphology) return Result<RulePack>::failure(morphology.error());
    pack.morphology = std::move(*morphology);
    if (auto text = read_file(morphology_path)) hash = fnv1a(hash, text->text);

    if (manifest->contains("figures")) {
      const fs::path path = root / manifest->at("figures").get<std::string>();
      auto grammar = FigureGrammar::load(path.string());
      if (!grammar) return Result<RulePack>::failure(grammar.error());
      pack.figures = std::move(*grammar);
      if (auto text = read_file(path)) hash = fnv1a(hash, text->text);
    }
    if (manifest->contains("dates")) {
      const fs::path path = root / manifest->at("dates").get<std::string>();
      auto grammar = DateGrammar::load(path.string());
      if (!grammar) return Result<RulePack>::failure(grammar.error());
      pack.dates = std::move(*grammar);
      if (auto text = read_file(path)) hash = fnv1a(hash, text->text);
    }
    for (const std::string& name : strings(*manifest, "gazetteers")) {
      const fs::path path = root / name;
      if (Status s = pack.gazetteer.load_file(path.string()); !s) return Result<RulePack>::failure(s.error());
      if (auto text = read_file(path)) hash = fnv1a(hash, text->text);
    }
    for (const std::string& a : strings(*manifest, "abbreviations")) pack.abbreviations.insert(fold_key(a));
    if (manifest->contains("lexicon"))
      if (Status s = read_word_list(root / manifest->at("lexicon").get<std::string>(), pack.common_words, hash); !s)
        return Result<RulePack>::failure(s.error());
    if (manifest->contains("demonyms")) {
      const std::string file = manifest->at("demonyms").get<std::string>();
      auto text = read_file(root / file);
      if (!text) return Result<RulePack>::failure(text.error());
      hash = fnv1a(hash, text->text);
      std::istringstream lines(text->text);
      std::string line;
      for (size_t n = 1; std::getline(lines, line); ++n) {
        if (line.empty() || line[0] == '#') continue;
        const size_t tab = line.find('\t');
        if (tab == std::string::npos || tab == 0 || tab + 1 == line.size())
          return Result<RulePack>::failure(file + ":" + std::to_string(n) + ": expected \"demonym<TAB>state\"");
        pack.demonyms[fold_key(line.substr(0, tab))] = fold_key(line.substr(tab + 1));
      }
    }
    for (const std::string& w : strings(*manifest, "demonym_heads")) pack.demonym_heads.push_back(fold_key(w));
    if (manifest->contains("state_bodies"))
      if (Status s = read_word_list(root / manifest->at("state_bodies").get<std::string>(), pack.state_bodies, hash); !s)
        return Result<RulePack>::failure(s.error());
    for (const std::string& w : strings(*manifest, "state_body_heads")) pack.state_body_heads.insert(fold_key(w));
    for (const std::string& w : strings(*manifest, "treaty_kind_words")) pack.treaty_kind_words.push_back(fold_key(w));
    if (manifest->contains("word_lists"))
      for (auto& [list, file] : manifest->at("word_lists").items())
        if (Status s = read_word_list(root / file.get<std::string>(), pack.word_lists[list], hash); !s)
          return Result<RulePack>::failure(s.error());
    for (const auto& [list, words] : pack.word_lists) {
      auto& openings = pack.word_list_openings[list];
      for (const std::string& w : words) {
        openings[w] |= RulePack::kListWord;
        for (size_t k = 1; k < w.size(); ++k)
          if ((static_cast<unsigned char>(w[k]) & 0xC0) != 0x80) openings[w.substr(0, k)] |= RulePack::kListWordGoesOn;
      }
    }
    for (const std::string& w : strings(*manifest, "treaty_subject_ends")) pack.treaty_subject_ends.insert(fold_key(w));
    if (manifest->contains("number_words"))
      for (auto& [word, value] : manifest->at("number_words").items())
        pack.number_words[fold_key(word)] = value.get<long long>();

    Defines defines;
    RuleFiles rule_files;
    for (const std::string& name : strings(*manifest, "patterns")) {
      auto file = read_file(root / name);
      if (!file) return Result<RulePack>::failure(file.error());
      hash = fnv1a(hash, file->text);
      auto doc = parse_json(*file);
      if (!doc) return Result<RulePack>::failure(doc.error());
      if (Status s = known_keys(*doc, {"define", "entity_rules", "relation_rules", "inferences"}, file->path + ": "); !s)
        return Result<RulePack>::failure(s.error());
      if (doc->contains("define"))
        for (auto& [key, value] : doc->at("define").items()) defines[key] = value.get<std::string>();
      rule_files.emplace_back(file->path, std::move(*doc));
    }
    // Relation and entity rules fill different filters, so their patterns
    // compile side by side, in this thread and one more: RE2's compiling is
    // most of a pack's loading. Each side stops at its first problem, and
    // the one a single pass over the files would meet first is reported.
    std::vector<Place> relation_places, entity_places;
    std::optional<Problem> relation_problem;
    std::exception_ptr relation_exception;
    auto relation_side = [&] {
      try {
        relation_problem = read_relation_rules(rule_files, defines, root, pack, relation_places);
      } catch (...) {
        relation_exception = std::current_exception();
      }
    };
    std::optional<Problem> entity_problem;
    {
      std::jthread beside;  // joined when this block ends, however it ends
      try {
        beside = std::jthread(relation_side);
      } catch (const std::system_error&) {
        relation_side();  // no second thread to be had: one after the other
      }
      entity_problem = read_entity_rules(rule_files, defines, root, pack, entity_places);
    }
    if (relation_exception) std::rethrow_exception(relation_exception);
    std::optional<Problem> first;
    for (auto& problem : {relation_problem, entity_problem,
                          first_id_used_twice(rule_files, pack, relation_places, entity_places)})
      if (problem && (!first || problem->place < first->place)) first = problem;
    if (first) return Result<RulePack>::failure(first->error);
  } catch (const json::exception& e) {
    return Result<RulePack>::failure((root / "pack.json").string() + ": " + e.what());
  }
  std::stable_sort(pack.entity_rules.begin(), pack.entity_rules.end(),
                   [](const EntityRule& a, const EntityRule& b) { return a.stage < b.stage; });
  finish_filter(pack.entity_filter, pack.entity_rules, [](const EntityRule&) { return true; });
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  pack.hash = hex;
  spdlog::debug("rule pack {}: {} gazetteer entries ({} names), {} entity rules", dir, pack.gazetteer.entries(),
                pack.gazetteer.names(), pack.entity_rules.size());
  return pack;
}

std::string default_pack_dir(const std::string& argv0, const std::string& language) {
  if (const char* env = std::getenv("BILIK_DATA"); env && *env) return (fs::path(env) / language).string();
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) exe = fs::absolute(argv0, ec);
  const fs::path installed = exe.parent_path().parent_path() / "share" / "bilik" / language;
  if (fs::exists(installed / "pack.json", ec)) return installed.string();
#ifdef BILIK_INSTALL_DATA_DIR
  if (fs::exists(fs::path(BILIK_INSTALL_DATA_DIR) / language / "pack.json", ec))
    return (fs::path(BILIK_INSTALL_DATA_DIR) / language).string();
#endif
#ifdef BILIK_SOURCE_DATA_DIR
  return (fs::path(BILIK_SOURCE_DATA_DIR) / language).string();
#else
  return (fs::path("data") / language).string();
#endif
}

}  // namespace bilik
