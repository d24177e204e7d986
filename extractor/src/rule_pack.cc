#include "bilik/fnv1a.h"
#include "bilik/rule_pack.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "bilik/utf8.h"

namespace bilik {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct FileText {
  std::string path, text;
};

Result<FileText> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Result<FileText>::failure(path.string() + ": cannot open");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return FileText{path.string(), buffer.str()};
}

// Line and column of a byte offset, for JSON syntax errors.
std::string place(const std::string& text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

Result<json> parse_json(const FileText& file) {
  try {
    return json::parse(file.text);
  } catch (const json::parse_error& e) {
    return Result<json>::failure(file.path + ":" + place(file.text, e.byte ? e.byte - 1 : 0) +
                                 ": JSON syntax error: " + e.what());
  }
}

// Replaces {NAME} with (?:definition), recursively; RE2 counted repetitions
// ({2}, {1,8}) start with a digit and are left alone.
Result<std::string> expand(const std::string& pattern, const std::map<std::string, std::string>& defines,
                           int depth = 0) {
  if (depth > 16) return Result<std::string>::failure("defines nest too deeply (a cycle?)");
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      size_t len = 2;  // an escape; \p{L} and \P{Lu} keep their braces
      if ((pattern[i + 1] == 'p' || pattern[i + 1] == 'P') && i + 2 < pattern.size() && pattern[i + 2] == '{') {
        const size_t close = pattern.find('}', i);
        if (close != std::string::npos) len = close - i + 1;
      }
      out += pattern.substr(i, len);
      i += len - 1;
      continue;
    }
    if (pattern[i] == '{' && i + 1 < pattern.size() && (std::isupper(static_cast<unsigned char>(pattern[i + 1])) ||
                                                       pattern[i + 1] == '_')) {
      const size_t close = pattern.find('}', i);
      if (close == std::string::npos) return Result<std::string>::failure("unclosed {" + pattern.substr(i + 1));
      const std::string name = pattern.substr(i + 1, close - i - 1);
      auto it = defines.find(name);
      if (it == defines.end()) return Result<std::string>::failure("unknown define {" + name + "}");
      auto inner = expand(it->second, defines, depth + 1);
      if (!inner) return inner;
      out += "(?:" + *inner + ")";
      i = close;
      continue;
    }
    out += pattern[i];
  }
  return out;
}

// Every key of an object must be one the loader reads ("about" is a comment
// anywhere): a misspelt key ("patern", "priorty") is an error naming it,
// never an option silently ignored. `where` names the file and the rule.
Status known_keys(const json& node, std::initializer_list<std::string_view> known, const std::string& where) {
  if (!node.is_object()) return Status::failure(where + "expected a JSON object, found " + node.type_name());
  for (const auto& [key, value] : node.items()) {
    if (key == "about" || std::find(known.begin(), known.end(), std::string_view(key)) != known.end()) continue;
    std::string closest, all;
    size_t best = 3;
    for (std::string_view k : known) {
      all += (all.empty() ? "" : ", ") + std::string(k);
      if (const size_t d = edit_distance(key, k); d < best) best = d, closest = k;
    }
    return Status::failure(where + "unknown key '" + key + "' (" +
                           (closest.empty() ? "known keys: " + all : "did you mean '" + closest + "'?") + ")");
  }
  return {};
}

std::vector<std::string> strings(const json& node, const char* key) {
  std::vector<std::string> out;
  if (node.contains(key))
    for (const auto& v : node.at(key)) out.push_back(v.get<std::string>());
  return out;
}

Result<NameWalk> parse_walk(const json& node) {
  NameWalk walk;
  if (Status s = known_keys(node,
                            {"from", "words", "min", "max", "before", "after", "run", "overflow", "stop_types",
                             "join_types", "stop_genitive_types", "stop_oblique_types", "genitive_joins", "opener",
                             "conjunctions", "adjective_heads", "stop_words", "stop_stems"},
                            "name: ");
      !s)
    return Result<NameWalk>::failure(s.error());
  const std::string from = node.value("from", "end");
  if (from != "end" && from != "start") return Result<NameWalk>::failure("name.from must be 'end' or 'start'");
  walk.from_end = from == "end";
  const std::string words = node.value("words", "capitalized");
  if (words == "capitalized") walk.words = NameWalk::Words::Capitalized;
  else if (words == "lowercase") walk.words = NameWalk::Words::Lowercase;
  else if (words == "any") walk.words = NameWalk::Words::Any;
  else return Result<NameWalk>::failure("name.words must be capitalized, lowercase or any");
  walk.min = node.value("min", 1);
  walk.max = node.value("max", 8);
  const std::string before = node.value("before", ""), after = node.value("after", "");
  if (before == "spaces") walk.source = NameWalk::Source::BeforeSpaces;
  else if (before == "commas") walk.source = NameWalk::Source::BeforeCommas;
  else if (!before.empty()) return Result<NameWalk>::failure("name.before must be 'spaces' or 'commas'");
  if (after == "spaces" && before.empty()) walk.source = NameWalk::Source::After;
  else if (!after.empty()) return Result<NameWalk>::failure("name.after must be 'spaces', and not with name.before");
  walk.run = node.value("run", walk.max);
  if (walk.run < 1) return Result<NameWalk>::failure("name.run must be at least 1");
  walk.overflow = node.value("overflow", 0);
  walk.opener = node.value("opener", false);
  for (const std::string& w : strings(node, "conjunctions")) walk.conjunctions.insert(fold_key(w));
  for (const std::string& w : strings(node, "adjective_heads")) walk.adjective_heads.insert(fold_key(w));
  for (const std::string& t : strings(node, "genitive_joins")) {
    auto type = parse_type(t);
    if (!type) return Result<NameWalk>::failure("unknown type '" + t + "' in name.genitive_joins");
    walk.genitive_joins.push_back(*type);
  }
  for (const std::string& t : strings(node, "stop_types")) {
    auto type = parse_type(t);
    if (!type) return Result<NameWalk>::failure("unknown type '" + t + "' in name.stop_types");
    walk.stop_types.push_back(*type);
  }
  for (const std::string& t : strings(node, "join_types")) {
    auto type = parse_type(t);
    if (!type) return Result<NameWalk>::failure("unknown type '" + t + "' in name.join_types");
    walk.join_types.push_back(*type);
  }
  for (const std::string& t : strings(node, "stop_genitive_types")) {
    auto type = parse_type(t);
    if (!type) return Result<NameWalk>::failure("unknown type '" + t + "' in name.stop_genitive_types");
    walk.stop_genitive_types.push_back(*type);
  }
  for (const std::string& t : strings(node, "stop_oblique_types")) {
    auto type = parse_type(t);
    if (!type) return Result<NameWalk>::failure("unknown type '" + t + "' in name.stop_oblique_types");
    walk.stop_oblique_types.push_back(*type);
  }
  for (const std::string& w : strings(node, "stop_words")) walk.stop_words.insert(fold_key(w));
  for (const std::string& w : strings(node, "stop_stems")) walk.stop_stems.insert(fold_key(w));
  return walk;
}

// A rule's pattern with its defines expanded, compiled once, inside the
// filter that will pick the rules a text can match (the filter owns it).
Result<std::shared_ptr<const RE2>> compile_pattern(const json& node, const std::map<std::string, std::string>& defines,
                                                   re2::FilteredRE2& filter,
                                                   const std::shared_ptr<re2::FilteredRE2>& owner) {
  const std::string source = node.at("pattern").get<std::string>();
  if (source.empty())
    return Result<std::shared_ptr<const RE2>>::failure("the pattern is empty (it would match everywhere)");
  auto pattern = expand(source, defines);
  if (!pattern) return Result<std::shared_ptr<const RE2>>::failure(pattern.error());
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(static_cast<int64_t>(node.value("max_mem_mb", 16)) << 20);
  int id = -1;
  if (filter.Add(*pattern, options, &id) != RE2::NoError) {
    const RE2 failed(*pattern, options);  // only to read RE2's message
    std::string message = "RE2: " + failed.error();
    if (failed.error_code() == RE2::ErrorPatternTooLarge)
      message += " (over the rule's memory budget of " + std::to_string(options.max_mem() >> 20) +
                 " MB; \"max_mem_mb\" on the rule raises it)";
    return Result<std::shared_ptr<const RE2>>::failure(message);
  }
  return std::shared_ptr<const RE2>(owner, &filter.GetRE2(id));
}

Result<EntityRule> parse_rule(const json& node, const std::string& file,
                              const std::map<std::string, std::string>& defines,
                              const std::shared_ptr<re2::FilteredRE2>& filter) {
  EntityRule rule;
  rule.file = file;
  rule.id = node.value("id", "");
  const std::string where = file + ": rule " + (rule.id.empty() ? "(no id)" : rule.id) + ": ";
  if (rule.id.empty()) return Result<EntityRule>::failure(where + "every rule needs an \"id\"");
  if (Status s = known_keys(node,
                            {"id", "type", "stage", "priority", "pattern", "max_mem_mb", "name", "span", "capitalized",
                             "first_capitalized", "in_list", "list_tail_words", "list_join_ends", "strip_case", "trust_suffix", "longest_stem",
                             "template", "singular", "list", "count", "examples", "counter_examples"},
                            where);
      !s)
    return Result<EntityRule>::failure(s.error());
  try {
    const std::string type = node.at("type").get<std::string>();
    if (type != "IGNORE") {
      rule.type = parse_type(type);
      if (!rule.type) return Result<EntityRule>::failure(where + "unknown type '" + type + "'");
    }
    rule.stage = node.value("stage", 2);
    rule.priority = node.value("priority", 50);
    rule.filter_id = filter->NumRegexps();
    auto re = compile_pattern(node, defines, *filter, filter);
    if (!re) return Result<EntityRule>::failure(where + re.error());
    rule.pattern = *re;
    if (node.contains("name")) {
      auto walk = parse_walk(node.at("name"));
      if (!walk) return Result<EntityRule>::failure(where + walk.error());
      rule.walk = *walk;
    }
    if (node.contains("span")) rule.span_groups = strings(node, "span");
    rule.capitalized_groups = strings(node, "capitalized");
    rule.first_capitalized_groups = strings(node, "first_capitalized");
    for (const std::string& w : strings(node, "list_tail_words")) rule.list_tail_words.insert(fold_key(w));
    for (const std::string& ending : strings(node, "list_join_ends")) rule.list_join_ends.push_back(key_words(fold_key(ending)));
    rule.strip_case = node.value("strip_case", true);
    rule.trust_suffix = node.value("trust_suffix", false);
    rule.longest_stem = node.value("longest_stem", false);
    rule.name_template = node.value("template", "");
    rule.singular_groups = strings(node, "singular");
    rule.split_list = node.value("list", false);
    rule.count_group = node.value("count", "");
    if (node.contains("in_list"))
      for (auto& [group, list] : node.at("in_list").items()) rule.in_list[group] = list.get<std::string>();
    const auto& groups = rule.pattern->NamedCapturingGroups();
    std::vector<std::string> needed = rule.span_groups;
    needed.insert(needed.end(), rule.capitalized_groups.begin(), rule.capitalized_groups.end());
    needed.insert(needed.end(), rule.first_capitalized_groups.begin(), rule.first_capitalized_groups.end());
    needed.insert(needed.end(), rule.singular_groups.begin(), rule.singular_groups.end());
    if (!rule.count_group.empty()) needed.push_back(rule.count_group);
    const bool name_before = rule.walk && rule.walk->source != NameWalk::Source::Group;
    if ((rule.walk || rule.split_list) && !name_before) needed.push_back("name");
    for (const std::string& g : needed)
      if (!groups.count(g) && !(name_before && g == "name"))
        return Result<EntityRule>::failure(where + "the pattern has no group (?P<" + g + ">...)");
    if (node.contains("examples"))
      for (const auto& ex : node.at("examples")) {
        if (Status s = known_keys(ex, {"text", "name"}, where + "example: "); !s)
          return Result<EntityRule>::failure(s.error());
        rule.examples.push_back({ex.at("text").get<std::string>(), ex.value("name", "")});
      }
    rule.counter_examples = strings(node, "counter_examples");
  } catch (const json::exception& e) {
    return Result<EntityRule>::failure(where + e.what());
  }
  return rule;
}

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

// The index after the group or class opening at `open` ('(' or '['), or npos.
size_t after_closing(const std::string& p, size_t open) {
  int depth = 0;
  for (size_t i = open; i < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
    } else if (p[i] == '[') {
      size_t j = i + 1;
      if (j < p.size() && p[j] == '^') ++j;
      if (j < p.size() && p[j] == ']') ++j;  // a ']' first in a class is a member
      for (; j < p.size() && p[j] != ']'; ++j)
        if (p[j] == '\\') ++j;
      if (j >= p.size()) return std::string::npos;
      if (depth == 0) return j + 1;
      i = j;
    } else if (p[i] == '(') {
      ++depth;
    } else if (p[i] == ')' && --depth == 0) {
      return i + 1;
    }
  }
  return std::string::npos;
}

// True when `p[from, to)` has a '|' outside every group and class in it.
bool has_top_level_bar(const std::string& p, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i) {
    if (p[i] == '\\') {
      ++i;
    } else if (p[i] == '(' || p[i] == '[') {
      const size_t after = after_closing(p, i);
      if (after == std::string::npos) return true;
      i = after - 1;
    } else if (p[i] == '|') {
      return true;
    }
  }
  return false;
}

// True when every match of `p` starts with group `group`, written
// "(?P<group>\p{L}+)", taken once: the pattern opens with it, inside groups
// that are neither alternatives nor repeated nor optional.
bool opens_with_letters(const std::string& p, const std::string& group) {
  const std::string target = "(?P<" + group + ">\\p{L}+)";
  std::vector<size_t> openers;
  size_t pos = 0;
  while (p.compare(pos, target.size(), target) != 0) {
    if (p.compare(pos, 3, "(?:") == 0) {
      openers.push_back(pos);
      pos += 3;
    } else if (p.compare(pos, 4, "(?P<") == 0 && p.find('>', pos) != std::string::npos) {
      openers.push_back(pos);
      pos = p.find('>', pos) + 1;
    } else {
      return false;
    }
  }
  auto taken_once = [&](size_t after) { return after >= p.size() || std::string_view("?*+{").find(p[after]) == std::string_view::npos; };
  if (!taken_once(pos + target.size())) return false;
  if (has_top_level_bar(p, 0, p.size())) return false;
  for (size_t open : openers) {
    const size_t after = after_closing(p, open);
    if (after == std::string::npos || !taken_once(after)) return false;
    const size_t body = p[open + 2] == ':' ? open + 3 : p.find('>', open) + 1;
    if (has_top_level_bar(p, body, after - 1)) return false;
  }
  return true;
}

// True when the pattern is group `group` and nothing else: the group spans
// every match.
bool is_whole_pattern(const std::string& p, const std::string& group) {
  const std::string open = "(?P<" + group + ">";
  return p.compare(0, open.size(), open) == 0 && after_closing(p, 0) == p.size();
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
  RE2::Options options;
  options.set_log_errors(false);
  f.atom_set = std::make_shared<RE2::Set>(options, RE2::UNANCHORED);
  for (const std::string& atom : f.atoms) f.atom_set->Add(RE2::QuoteMeta(atom), nullptr);
  if (!f.atom_set->Compile()) f.atom_set.reset();
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
    if (manifest->contains("lexicon")) {
      auto lexicon = read_file(root / manifest->at("lexicon").get<std::string>());
      if (!lexicon) return Result<RulePack>::failure(lexicon.error());
      hash = fnv1a(hash, lexicon->text);
      std::istringstream lines(lexicon->text);
      std::string line;
      while (std::getline(lines, line))
        if (!line.empty() && line[0] != '#') pack.common_words.insert(fold_key(line));
    }
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
    if (manifest->contains("state_bodies")) {
      auto text = read_file(root / manifest->at("state_bodies").get<std::string>());
      if (!text) return Result<RulePack>::failure(text.error());
      hash = fnv1a(hash, text->text);
      std::istringstream lines(text->text);
      std::string line;
      while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty() && line[0] != '#') pack.state_bodies.insert(fold_key(line));
      }
    }
    for (const std::string& w : strings(*manifest, "state_body_heads")) pack.state_body_heads.insert(fold_key(w));
    for (const std::string& w : strings(*manifest, "treaty_kind_words")) pack.treaty_kind_words.push_back(fold_key(w));
    if (manifest->contains("word_lists")) {
      for (auto& [list, file] : manifest->at("word_lists").items()) {
        auto text = read_file(root / file.get<std::string>());
        if (!text) return Result<RulePack>::failure(text.error());
        hash = fnv1a(hash, text->text);
        std::istringstream lines(text->text);
        std::string line;
        auto& words = pack.word_lists[list];
        while (std::getline(lines, line)) {
          if (!line.empty() && line.back() == '\r') line.pop_back();
          if (!line.empty() && line[0] != '#') words.insert(fold_key(line));
        }
      }
    }
    for (const std::string& w : strings(*manifest, "treaty_subject_ends")) pack.treaty_subject_ends.insert(fold_key(w));
    if (manifest->contains("number_words"))
      for (auto& [word, value] : manifest->at("number_words").items())
        pack.number_words[fold_key(word)] = value.get<long long>();

    std::map<std::string, std::string> defines;
    std::vector<std::pair<std::string, json>> rule_files;
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
    std::unordered_set<std::string> ids;
    for (const auto& [path, doc] : rule_files) {
      if (doc.contains("relation_rules")) {
        for (const auto& node : doc.at("relation_rules")) {
          auto rule = parse_relation_rule(node, path, defines, pack.relation_filters);
          if (!rule) return Result<RulePack>::failure(rule.error());
          if (!ids.insert(rule->id).second)
            return Result<RulePack>::failure(path + ": rule " + rule->id + ": the id is used twice");
          pack.relation_rules.push_back(std::move(*rule));
        }
      }
      if (doc.contains("inferences")) {
        for (const auto& node : doc.at("inferences")) {
          auto inference = parse_inference(node, path);
          if (!inference) return Result<RulePack>::failure(inference.error());
          pack.inferences.push_back(std::move(*inference));
        }
      }
      if (!doc.contains("entity_rules")) continue;
      for (const auto& node : doc.at("entity_rules")) {
        auto rule = parse_rule(node, path, defines, pack.entity_filter.filter);
        if (!rule) return Result<RulePack>::failure(rule.error());
        for (const auto& [group, list] : rule->in_list)
          if (!pack.word_lists.count(list))
            return Result<RulePack>::failure(path + ": rule " + rule->id + ": in_list names the word list '" + list +
                                             "', which pack.json's \"word_lists\" does not define");
        for (const auto& [group, list] : rule->in_list)
          if (opens_with_letters(rule->pattern->pattern(), group)) rule->leading_list = list;
        for (const std::string& group : rule->capitalized_groups)
          if (is_whole_pattern(rule->pattern->pattern(), group)) rule->capitalized_whole = group;
        if (!ids.insert(rule->id).second)
          return Result<RulePack>::failure(path + ": rule " + rule->id + ": the id is used twice");
        pack.entity_rules.push_back(std::move(*rule));
      }
    }
  } catch (const json::exception& e) {
    return Result<RulePack>::failure((root / "pack.json").string() + ": " + e.what());
  }
  std::stable_sort(pack.entity_rules.begin(), pack.entity_rules.end(),
                   [](const EntityRule& a, const EntityRule& b) { return a.stage < b.stage; });
  finish_filter(pack.entity_filter, pack.entity_rules, [](const EntityRule&) { return true; });
  for (int window : {1, 2})
    finish_filter(pack.relation_filters[window - 1], pack.relation_rules,
                  [&](const RelationRule& r) { return r.window == window; });
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

namespace bilik {

std::vector<int> RulePack::RuleFilter::candidates(std::string_view text) const {
  thread_local std::vector<int> found_atoms, ids;
  found_atoms.clear();
  ids.clear();
  std::vector<int> rules;
  if (!filter || filter->NumRegexps() == 0) return rules;
  // Atoms are lower case; placeholders (<<PERSON:...>>) are the only capitals.
  thread_local std::string lower;
  lower.assign(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  if (atom_set) {
    atom_set->Match(lower, &found_atoms);
  } else {
    for (size_t i = 0; i < atoms.size(); ++i)
      if (lower.find(atoms[i]) != std::string::npos) found_atoms.push_back(static_cast<int>(i));
  }
  filter->AllPotentials(found_atoms, &ids);
  for (int id : ids) rules.push_back(rule_of_id[id]);
  std::sort(rules.begin(), rules.end());
  return rules;
}

}  // namespace bilik
