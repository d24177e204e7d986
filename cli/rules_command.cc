// bilik rules test: every rule against the examples it carries.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>

#include "bilik/extraction.h"
#include "bilik/rule_pack.h"
#include "commands.h"
#include "options.h"

namespace bilik::cli {
namespace {

constexpr const char* kHelp = R"(usage: bilik rules test [--rules DIR] [--verbose]

Loads the pack (a load error is reported with file, rule id and RE2 message)
and checks that each rule produces the names its examples give and nothing
for its counter-examples. Exit status 1 when an example fails or a rule has none.

  --rules DIR    the rule pack folder (default: the bundled Azerbaijani pack)
  --verbose      also list every example that passes

examples:
  bilik rules test
  bilik rules test --rules my-pack/az --verbose
)";

bool produces(const Extraction& x, const std::vector<Candidate>& candidates, const std::string& rule,
              const std::string& name) {
  for (const Candidate& c : candidates)
    if (!c.type && c.accepted && c.rule == rule) return true;  // an IGNORE rule won its span
  for (const Mention& m : x.entities.mentions) {
    if (m.rule != rule) continue;
    if (name.empty() || fold_key(m.name) == fold_key(name) ||
        fold_key(x.entities.entities[m.entity].name) == fold_key(name))
      return true;
  }
  return false;
}

bool names(const DocEntity& e, const std::string& name) {
  if (fold_key(e.name) == fold_key(name)) return true;
  for (const std::string& a : e.aliases)
    if (fold_key(a) == fold_key(name)) return true;
  return false;
}

bool has_triple(const Extraction& x, const std::string& rule, const std::array<std::string, 3>& want) {
  for (const Triple& t : x.triples) {
    if (t.rule != rule || t.predicate != want[1] || !names(x.entities.entities[t.subject], want[0])) continue;
    if (t.object ? names(x.entities.entities[*t.object], want[2])
                 : fold_key(t.object_literal).find(fold_key(want[2])) != std::string::npos)
      return true;
  }
  return false;
}

std::string triples_of(const Extraction& x) {
  std::string out;
  for (const Triple& t : x.triples)
    out += " [" + x.entities.entities[t.subject].name + " " + t.predicate + " " +
           (t.object ? x.entities.entities[*t.object].name : "\"" + t.object_literal + "\"") + " (" + t.rule + ")]";
  return out.empty() ? " nothing" : out;
}

}  // namespace

int run_rules(const Args& args, const std::string& argv0) {
  auto opts = parse_options(args, {"--rules"}, {"--help", "--verbose"});
  if (!opts) return usage_error("rules", opts.error());
  if (opts->has("--help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (opts->positional.empty()) return usage_error("rules", "no subcommand given (test)");
  if (opts->positional[0] != "test") return usage_error("rules", "no subcommand is called '" + opts->positional[0] + "' (test)");
  if (opts->positional.size() > 1) return usage_error("rules", "unexpected argument '" + opts->positional[1] + "'");
  auto pack = load_rule_pack(opts->get("--rules", default_pack_dir(argv0)));
  if (!pack) {
    spdlog::error("{}", pack.error());
    return 2;
  }
  size_t checked = 0, failed = 0, rules_without_examples = 0;
  for (const EntityRule& rule : pack->entity_rules) {
    if (rule.examples.empty()) ++rules_without_examples;
    for (const RuleExample& ex : rule.examples) {
      ++checked;
      std::vector<Candidate> candidates;
      const Extraction x = extract_document(ex.text, *pack, "", &candidates);
      if (!produces(x, candidates, rule.id, ex.name)) {
        ++failed;
        std::printf("FAIL %s (%s): \"%s\" should give \"%s\"; got:", rule.id.c_str(), rule.file.c_str(),
                    ex.text.c_str(), ex.name.c_str());
        for (const Mention& m : x.entities.mentions) std::printf(" [%s: %s]", m.rule.c_str(), m.name.c_str());
        std::printf("\n");
      } else if (opts->has("--verbose")) {
        std::printf("ok   %s: \"%s\"\n", rule.id.c_str(), ex.name.c_str());
      }
    }
    for (const std::string& text : rule.counter_examples) {
      ++checked;
      std::vector<Candidate> candidates;
      const Extraction x = extract_document(text, *pack, "", &candidates);
      if (produces(x, candidates, rule.id, "")) {
        ++failed;
        std::printf("FAIL %s (%s): \"%s\" must not match, but gave:", rule.id.c_str(), rule.file.c_str(), text.c_str());
        for (const Mention& m : x.entities.mentions)
          if (m.rule == rule.id) std::printf(" \"%s\"", m.name.c_str());
        std::printf("\n");
      }
    }
  }
  for (const RelationRule& rule : pack->relation_rules) {
    if (rule.examples.empty()) ++rules_without_examples;
    for (const RelationExample& ex : rule.examples) {
      const Extraction x = extract_document(ex.text, *pack);
      for (const auto& want : ex.triples) {
        ++checked;
        if (has_triple(x, rule.id, want)) continue;
        ++failed;
        std::printf("FAIL %s (%s): \"%s\" should give %s %s %s; got:%s\n", rule.id.c_str(), rule.file.c_str(),
                    ex.text.c_str(), want[0].c_str(), want[1].c_str(), want[2].c_str(), triples_of(x).c_str());
      }
    }
    for (const std::string& text : rule.counter_examples) {
      ++checked;
      const Extraction x = extract_document(text, *pack);
      if (std::any_of(x.triples.begin(), x.triples.end(), [&](const Triple& t) { return t.rule == rule.id; })) {
        ++failed;
        std::printf("FAIL %s (%s): \"%s\" must not match, but gave:%s\n", rule.id.c_str(), rule.file.c_str(),
                    text.c_str(), triples_of(x).c_str());
      }
    }
  }
  std::printf("rules test: %zu entity rules, %zu relation rules, %zu examples checked, %zu failed",
              pack->entity_rules.size(), pack->relation_rules.size(), checked, failed);
  if (rules_without_examples) std::printf(", %zu rules without examples", rules_without_examples);
  std::printf("\n");
  return failed > 0 || rules_without_examples > 0 ? 1 : 0;
}

}  // namespace bilik::cli
