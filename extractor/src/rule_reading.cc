#include "rule_reading.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <optional>
#include <system_error>
#include <thread>

#include "entity_rules.h"
#include "relation_rules.h"

namespace bilik {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Whether atoms of one byte guard `re` against plain prose: it needs some
// atom beyond single letters and digits, spaces, commas and full stops,
// which every sentence holds.
bool needs_a_rare_atom(const RE2& re) {
  re2::FilteredRE2 alone(1);
  int id = -1;
  if (alone.Add(re.pattern(), re.options(), &id) != RE2::NoError) return false;
  std::vector<std::string> atoms;
  alone.Compile(&atoms);
  auto plain = [](const std::string& atom) {
    if (atom.size() == 1 && std::isalnum(static_cast<unsigned char>(atom[0]))) return true;
    return atom.find_first_not_of(" ,.") == std::string::npos;
  };
  std::vector<int> in_prose, passed;
  for (size_t i = 0; i < atoms.size(); ++i)
    if (plain(atoms[i])) in_prose.push_back(static_cast<int>(i));
  alone.AllPotentials(in_prose, &passed);
  return passed.empty();
}

// The filter's rules that no atom guards (`always`, filter ids), guarded
// where atoms of one byte can: location-chain needs a "-", which few
// sentences hold. Only these rules get such atoms: one that short would
// weaken every other rule's guard (single letters are in every sentence).
void guard_with_short_atoms(RulePack::RuleFilter& f, const std::vector<int>& always) {
  auto guard = std::make_shared<RulePack::RuleFilter::ShortGuard>();
  guard->filter = std::make_shared<re2::FilteredRE2>(1);
  for (int id : always) {
    const RE2& re = f.filter->GetRE2(id);
    int short_id = -1;
    if (!needs_a_rare_atom(re) || guard->filter->Add(re.pattern(), re.options(), &short_id) != RE2::NoError) continue;
    guard->rule_of_id.push_back(f.rule_of_id[id]);
  }
  if (guard->rule_of_id.empty()) return;
  std::vector<std::string> atoms;
  guard->filter->Compile(&atoms);
  guard->guarded = guard->rule_of_id;
  std::sort(guard->guarded.begin(), guard->guarded.end());
  guard->first_atom = static_cast<int>(f.atoms.size());
  f.atoms.insert(f.atoms.end(), atoms.begin(), atoms.end());
  f.short_guard = std::move(guard);
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
  std::vector<int> always;  // the rules no atom guards
  f.filter->AllPotentials({}, &always);
  f.unfiltered = !always.empty();
  guard_with_short_atoms(f, always);
  for (const std::string& atom : f.atoms) f.longest_atom = std::max(f.longest_atom, atom.size());
  f.scanner = std::make_shared<const AtomScanner>(f.atoms);
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
  std::vector<std::string> both = pack.relation_filters[0].atoms;
  both.insert(both.end(), pack.relation_filters[1].atoms.begin(), pack.relation_filters[1].atoms.end());
  if (!both.empty()) pack.relation_atoms = std::make_shared<const AtomScanner>(both);
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
        rule->opens_with_word_char = opens_with_word_char(rule->pattern->pattern());
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

Status read_rules(const RuleFiles& files, const Defines& defines, const fs::path& root, RulePack& pack) {
  std::vector<Place> relation_places, entity_places;
  std::optional<Problem> relation_problem;
  std::exception_ptr relation_exception;
  auto relation_side = [&] {
    try {
      relation_problem = read_relation_rules(files, defines, root, pack, relation_places);
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
    entity_problem = read_entity_rules(files, defines, root, pack, entity_places);
  }
  if (relation_exception) std::rethrow_exception(relation_exception);
  std::optional<Problem> first;
  for (auto& problem : {relation_problem, entity_problem, first_id_used_twice(files, pack, relation_places, entity_places)})
    if (problem && (!first || problem->place < first->place)) first = problem;
  if (first) return Status::failure(first->error);
  std::stable_sort(pack.entity_rules.begin(), pack.entity_rules.end(),
                   [](const EntityRule& a, const EntityRule& b) { return a.stage < b.stage; });
  finish_filter(pack.entity_filter, pack.entity_rules, [](const EntityRule&) { return true; });
  return {};
}

}  // namespace bilik
