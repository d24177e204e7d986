#include "relation_rules.h"

#include <algorithm>

#include "bilik/folded_text.h"
#include "rule_search.h"
#include "rule_files.h"

namespace bilik {

using nlohmann::json;

namespace {

// The text of group (?P<name>...) in an expanded pattern, or "".
std::string group_text(const std::string& pattern, const std::string& name) {
  const std::string open = "(?P<" + name + ">";
  const size_t at = pattern.find(open);
  if (at == std::string::npos) return "";
  int depth = 1;
  bool in_class = false;
  for (size_t i = at + open.size(); i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (in_class) {
      in_class = c != ']';
      continue;
    }
    if (c == '[') in_class = true;
    else if (c == '(') ++depth;
    else if (c == ')' && --depth == 0) return pattern.substr(at, i - at + 1);
  }
  return pattern.substr(at);
}

// Entity types a group's placeholders can match: type names in upper case
// appear in patterns only inside placeholders.
std::vector<EntityType> placeholder_types(const std::string& group) {
  std::vector<EntityType> out;
  for (const char* name : {"PERSON", "STATE", "ORGANIZATION", "TREATY", "LOCATION"})
    if (group.find(std::string("<<") + name) != std::string::npos ||
        group.find(std::string("|") + name) != std::string::npos ||
        group.find(std::string("(?:") + name) != std::string::npos)
      out.push_back(*parse_type(name));
  return out;
}

Result<std::vector<EntityType>> types_of(const json& node, const char* key, const std::vector<EntityType>& fallback) {
  if (!node.contains(key)) return fallback;
  std::vector<EntityType> out;
  for (const std::string& t : strings(node, key)) {
    auto type = parse_type(t);
    if (!type) return Result<std::vector<EntityType>>::failure("unknown type '" + t + "' in " + key);
    out.push_back(*type);
  }
  return out;
}

bool subset(const std::vector<EntityType>& a, const std::vector<EntityType>& b) {
  for (EntityType t : a)
    if (std::find(b.begin(), b.end(), t) == b.end()) return false;
  return true;
}

std::string type_list(const std::vector<EntityType>& types) {
  std::string out;
  for (EntityType t : types) out += (out.empty() ? "" : ", ") + std::string(type_name(t));
  return out;
}

}  // namespace

Result<RelationRule> parse_relation_rule(const json& node, const std::string& file,
                                         const std::map<std::string, std::string>& defines,
                                         RulePack::RuleFilter (&filters)[2]) {
  RelationRule rule;
  rule.file = file;
  rule.id = node.value("id", "");
  const std::string where = file + ": rule " + (rule.id.empty() ? "(no id)" : rule.id) + ": ";
  if (rule.id.empty()) return Result<RelationRule>::failure(where + "every rule needs an \"id\"");
  if (Status s = known_keys(node,
                            {"id", "predicate", "pattern", "max_mem_mb", "swap", "amount", "confidence", "quote_from",
                             "among", "in_order", "window", "unless", "subject_types", "object_types", "examples",
                             "counter_examples"},
                            where);
      !s)
    return Result<RelationRule>::failure(s.error());
  try {
    rule.predicate = node.at("predicate").get<std::string>();
    const auto& vocabulary = Vocabulary::builtin().predicates;
    auto spec = vocabulary.find(rule.predicate);
    if (spec == vocabulary.end())
      return Result<RelationRule>::failure(where + "unknown predicate '" + rule.predicate +
                                           "' (the vocabulary is schema/predicates.json)");
    rule.window = node.value("window", 1);
    if (rule.window != 1 && rule.window != 2)
      return Result<RelationRule>::failure(where + "\"window\" is 1 or 2 sentences");
    const std::shared_ptr<re2::FilteredRE2>& filter = filters[rule.window - 1].filter;
    rule.filter_id = filter->NumRegexps();
    auto re = compile_pattern(node, defines, *filter, filter);
    if (!re) return Result<RelationRule>::failure(where + re.error());
    rule.pattern = *re;
    rule.search = std::make_shared<const RuleSearch>(*re);
    const std::string expanded = (*re)->pattern();
    rule.swap = node.value("swap", false);
    if (node.contains("unless")) {
      auto unless = expand(node.at("unless").get<std::string>(), defines);
      if (!unless) return Result<RelationRule>::failure(where + unless.error());
      auto compiled = std::make_shared<const RE2>(*unless, RE2::Quiet);
      if (!compiled->ok()) return Result<RelationRule>::failure(where + "unless: RE2: " + compiled->error());
      rule.unless = std::move(compiled);
    }
    rule.among = node.value("among", false);
    rule.in_order = node.value("in_order", false);
    if (rule.among && !spec->second.symmetric)
      return Result<RelationRule>::failure(where + "\"among\" is only for symmetric predicates (met_with, trade_with)");
    rule.amount_from_sentence = node.value("amount", "") == "sentence";
    const std::string quote_from = node.value("quote_from", "group");
    if (quote_from == "before") rule.quote_from = RelationRule::QuoteFrom::Before;
    else if (quote_from == "after") rule.quote_from = RelationRule::QuoteFrom::After;
    else if (quote_from != "group")
      return Result<RelationRule>::failure(where + "\"quote_from\" is \"group\", \"before\" or \"after\", not \"" +
                                           quote_from + "\"");
    rule.confidence = node.value("confidence", 0.9);
    const auto& subject_spec = rule.swap ? spec->second.object : spec->second.subject;
    const auto& object_spec = rule.swap ? spec->second.subject : spec->second.object;
    auto subject_types = types_of(node, "subject_types", subject_spec);
    auto object_types = types_of(node, "object_types", object_spec);
    if (!subject_types || !object_types)
      return Result<RelationRule>::failure(where + (!subject_types ? subject_types.error() : object_types.error()));
    rule.subject_types = *subject_types;
    rule.object_types = *object_types;
    const auto& groups = rule.pattern->NamedCapturingGroups();
    if (!groups.count("subject")) return Result<RelationRule>::failure(where + "the pattern has no group (?P<subject>...)");
    const bool literal = spec->second.literal_object;
    const bool quote_elsewhere = rule.quote_from != RelationRule::QuoteFrom::Group;
    if (quote_elsewhere && !literal)
      return Result<RelationRule>::failure(where + "\"quote_from\" is only for predicates whose object is a quote");
    if (!quote_elsewhere && !rule.among && !groups.count(literal ? "quote" : "object"))
      return Result<RelationRule>::failure(where + "the pattern has no group (?P<" + (literal ? "quote" : "object") + ">...)");
    // The types the groups can match must be types the predicate takes.
    auto check = [&](const char* group, const std::vector<EntityType>& allowed) -> Status {
      const auto found = placeholder_types(group_text(expanded, group));
      for (EntityType t : found)
        if (std::find(allowed.begin(), allowed.end(), t) == allowed.end())
          return Status::failure(where + "group " + group + " matches " + std::string(type_name(t)) + ", but " +
                                 rule.predicate + " takes " + type_list(allowed) + " there");
      return {};
    };
    if (!subset(rule.subject_types, subject_spec))
      return Result<RelationRule>::failure(where + "subject_types must be among " + type_list(subject_spec));
    if (!subset(rule.object_types, object_spec))
      return Result<RelationRule>::failure(where + "object_types must be among " + type_list(object_spec));
    if (Status s = check("subject", subject_spec); !s) return Result<RelationRule>::failure(s.error());
    if (!literal)
      if (Status s = check("object", object_spec); !s) return Result<RelationRule>::failure(s.error());
    if (node.contains("examples")) {
      for (const auto& ex : node.at("examples")) {
        if (Status s = known_keys(ex, {"text", "triples"}, where + "example: "); !s)
          return Result<RelationRule>::failure(s.error());
        RelationExample e;
        e.text = ex.at("text").get<std::string>();
        for (const auto& t : ex.at("triples")) e.triples.push_back(t.get<std::array<std::string, 3>>());
        rule.examples.push_back(std::move(e));
      }
    }
    rule.counter_examples = strings(node, "counter_examples");
  } catch (const json::exception& e) {
    return Result<RelationRule>::failure(where + e.what());
  }
  return rule;
}

Result<Inference> parse_inference(const json& node, const std::string& file) {
  Inference inf;
  inf.file = file;
  inf.id = node.value("id", "");
  const std::string where = file + ": inference " + inf.id + ": ";
  const auto& vocabulary = Vocabulary::builtin().predicates;
  auto triple_list = [&](const char* key, std::vector<InferencePattern>& out) -> Status {
    for (const auto& t : node.at(key)) {
      const auto parts = t.get<std::array<std::string, 3>>();
      if (!vocabulary.count(parts[1])) return Status::failure(where + "unknown predicate '" + parts[1] + "'");
      out.push_back({parts[0], parts[1], parts[2]});
    }
    return {};
  };
  if (Status s = known_keys(node, {"id", "when", "then", "require", "for_each", "confidence"}, where); !s)
    return Result<Inference>::failure(s.error());
  try {
    if (Status s = triple_list("when", inf.when); !s) return Result<Inference>::failure(s.error());
    if (Status s = triple_list("then", inf.then); !s) return Result<Inference>::failure(s.error());
    if (node.contains("require"))
      for (auto& [var, type] : node.at("require").items()) {
        auto t = parse_type(type.get<std::string>());
        if (!t) return Result<Inference>::failure(where + "unknown type " + type.dump());
        inf.require[var] = *t;
      }
    if (node.contains("for_each")) {
      const auto& fe = node.at("for_each");
      if (Status s = known_keys(fe, {"var", "type", "unless_object_of"}, where + "for_each: "); !s)
        return Result<Inference>::failure(s.error());
      inf.for_each = fe.at("var").get<std::string>();
      auto t = parse_type(fe.at("type").get<std::string>());
      if (!t) return Result<Inference>::failure(where + "unknown for_each type");
      inf.for_each_type = *t;
      inf.unless_object_of = fe.value("unless_object_of", "");
    }
    inf.confidence = node.value("confidence", 0.6);
  } catch (const json::exception& e) {
    return Result<Inference>::failure(where + e.what());
  }
  return inf;
}

}  // namespace bilik
