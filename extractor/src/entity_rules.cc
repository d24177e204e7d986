#include "entity_rules.h"

#include <cctype>

#include "bilik/folded_text.h"
#include "rule_search.h"
#include "rule_files.h"

namespace bilik {

using nlohmann::json;

namespace {

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

}  // namespace

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
    rule.search = std::make_shared<const RuleSearch>(*re);
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

namespace {

// The letters of the narrow alphabet past ASCII (narrow_alphabet.h), in
// either case.
bool azerbaijani_letter(std::string_view c) {
  for (std::string_view l : {"ç", "ğ", "ı", "ö", "ş", "ü", "ə", "Ç", "Ğ", "İ", "Ö", "Ş", "Ü", "Ə"})
    if (c == l) return true;
  return false;
}

bool ascii_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// The end of an escape for letters or digits at p[i] ("\\p{L}", "\\pN",
// "\\d"), else npos.
size_t word_char_escape_end(std::string_view p, size_t i) {
  for (std::string_view e : {"\\p{L}", "\\p{N}", "\\pL", "\\pN", "\\d"})
    if (p.substr(i, e.size()) == e) return i + e.size();
  return std::string::npos;
}

bool alternatives_open_with_word_char(const std::string& p, size_t from, size_t to);

// Whether the element at p[i] (before `to`) matches only a letter or a
// digit, or opens with one in every alternative, and is taken at least once.
bool element_opens_with_word_char(const std::string& p, size_t i, size_t to) {
  constexpr size_t npos = std::string::npos;
  size_t end = npos;
  bool ok = false;
  if (p[i] == '(') {
    end = after_closing(p, i);
    if (end == npos || end > to) return false;
    size_t body = i + 1;
    if (p.compare(i, 3, "(?:") == 0) body = i + 3;
    else if (p.compare(i, 4, "(?P<") == 0) body = p.find('>', i) + 1;
    else if (p[i + 1] == '?') return false;  // flags
    ok = alternatives_open_with_word_char(p, body, end - 1);
  } else if (p[i] == '\\') {
    end = word_char_escape_end(p, i);
    ok = end != npos;
  } else if (p[i] == '[') {
    if (i + 1 < to && p[i + 1] == '^') return false;
    size_t j = i + 1;
    for (ok = true; ok && j < to && p[j] != ']';) {
      if (const size_t e = word_char_escape_end(p, j); e != npos) {
        j = e;
      } else if (j + 2 < to && p[j + 1] == '-' && p[j + 2] != ']') {  // a range within one kind
        const char a = p[j], b = p[j + 2];
        ok = a <= b && ((a >= 'a' && b <= 'z') || (a >= 'A' && b <= 'Z') || (a >= '0' && b <= '9'));
        j += 3;
      } else if (ascii_alnum(p[j])) {
        ++j;
      } else {
        size_t k = j + 1;
        while (k < to && (static_cast<unsigned char>(p[k]) & 0xC0) == 0x80) ++k;
        ok = azerbaijani_letter(std::string_view(p).substr(j, k - j));
        j = k;
      }
    }
    if (!ok || j >= to || p[j] != ']' || j == i + 1) return false;
    end = j + 1;
  } else if (ascii_alnum(p[i])) {
    end = i + 1;
    ok = true;
  } else {
    end = i + 1;
    while (end < to && (static_cast<unsigned char>(p[end]) & 0xC0) == 0x80) ++end;
    ok = azerbaijani_letter(std::string_view(p).substr(i, end - i));
  }
  if (!ok) return false;
  // Taken at least once: no "?", "*" or "{0" after it.
  return !(end < to && (p[end] == '?' || p[end] == '*' || p.compare(end, 2, "{0") == 0));
}

bool alternatives_open_with_word_char(const std::string& p, size_t from, size_t to) {
  size_t start = from;
  for (size_t i = from; i <= to; ++i) {
    if (i < to && p[i] == '\\') {
      ++i;
    } else if (i < to && (p[i] == '(' || p[i] == '[')) {
      const size_t after = after_closing(p, i);
      if (after == std::string::npos || after > to) return false;
      i = after - 1;
    } else if (i == to || p[i] == '|') {
      if (start == i || !element_opens_with_word_char(p, start, to)) return false;
      start = i + 1;
    }
  }
  return true;
}

}  // namespace

bool opens_with_word_char(const std::string& p) { return !p.empty() && alternatives_open_with_word_char(p, 0, p.size()); }

// True when the pattern is group `group` and nothing else: the group spans
// every match.
bool is_whole_pattern(const std::string& p, const std::string& group) {
  const std::string open = "(?P<" + group + ">";
  return p.compare(0, open.size(), open) == 0 && after_closing(p, 0) == p.size();
}

}  // namespace bilik
