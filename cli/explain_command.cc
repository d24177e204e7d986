// bilik explain: every candidate match, its rule, and who won each overlap.
#include <spdlog/spdlog.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "bilik/curation_file.h"
#include "bilik/extraction.h"
#include "bilik/folded_text.h"
#include "bilik/rule_pack.h"
#include "commands.h"
#include "option_values.h"
#include "options.h"

namespace bilik::cli {
namespace {

constexpr const char* kHelp = R"(usage: bilik explain [--rules DIR] [--published DATE] TEXT...
       bilik explain [--rules DIR] [--published DATE] --file FILE
       bilik explain [--rules DIR] [--published DATE] -

Shows every entity candidate, the rule that made it and who won each
overlap, then the entities, figures, triples and dates of the text. Nothing
is stored. TEXT words are joined by spaces; - (or --file -) reads standard input.

  --rules DIR         the rule pack folder (default: the bundled Azerbaijani pack)
  --published DATE    the text's date (YYYY-MM-DD), for relative dates ("dünən")
  --file FILE         explain the text of FILE
  --curation FILE     also show what the curation file's lines do to each entity

examples:
  bilik explain "Prezident İlham Əliyev Tbilisiyə səfər edib."
  bilik explain --published 2022-05-10 --file article.txt
  curl -s https://example.az/article.txt | bilik explain -
  bilik explain --curation news.db.curation "Şövkət Mirziyoyev Bakıya gəlib."
)";

std::string span_text(const std::string& text, const AnalyzedText& a, size_t start, size_t end) {
  const size_t from = a.folded.origin[start], to = a.folded.origin[end];
  return text.substr(from, to - from);
}

// Why each capitalised run of words did or did not become an entity: the
// mentions that cover it, else the candidates that lost it, else the reason
// no rule read it. A run is capitalised words joined by spaces or hyphens
// within a sentence; a sentence's first word counts when only its capital
// is in question.
void explain_runs(const std::string& text, const AnalyzedText& a, const Extraction& x,
                  const std::vector<Candidate>& candidates) {
  std::printf("\ncapitalised runs:\n");
  const std::string& f = a.folded.text;
  auto joined = [&](size_t i) {  // word i follows word i-1 within one name's reach
    const Word& p = a.words[i - 1];
    const Word& w = a.words[i];
    if (w.start - p.end > 3) return false;
    for (size_t k = p.end; k < w.start; ++k)
      if (f[k] != ' ' && f[k] != '-' && f[k] != '.') return false;
    return true;
  };
  for (const Sentence& s : a.sentences) {
    for (size_t i = s.first_word; i < s.end_word;) {
      const Word& w = a.words[i];
      if (!(w.capitalized || w.opens_sentence) || w.numeric) {
        ++i;
        continue;
      }
      size_t j = i + 1;
      auto domain_part = [&](size_t k) { return a.words[k].start == a.words[k - 1].end + 1 && f[a.words[k - 1].end] == '.'; };
      while (j < s.end_word && (a.words[j].capitalized || a.words[j].glued || domain_part(j)) && !a.words[j].numeric &&
             joined(j))
        ++j;
      const size_t start = w.start, end = a.words[j - 1].end;
      std::printf("  \"%s\"\n", span_text(text, a, start, end).c_str());
      bool covered = false;
      for (const Mention& m : x.entities.mentions) {
        if (m.folded_end <= start || m.folded_start >= end) continue;
        covered = true;
        const DocEntity& e = x.entities.entities[m.entity];
        std::printf("     became %s \"%s\" from \"%s\" (rule %s)\n", std::string(type_name(e.type)).c_str(),
                    e.name.c_str(), m.surface.c_str(), m.rule.c_str());
      }
      for (const Candidate& c : candidates) {
        if (c.accepted || c.end <= start || c.start >= end) continue;
        if (!c.type) {
          std::printf("     hidden by IGNORE rule %s\n", c.rule.c_str());
          covered = true;
          continue;
        }
        std::printf("     lost: %s \"%s\" (rule %s) %s\n", std::string(type_name(*c.type)).c_str(), c.name.c_str(),
                    c.rule.c_str(), c.verdict.c_str());
      }
      if (!covered) {
        if (j == i + 1 && w.opens_sentence && !w.capitalized)
          std::printf("     no entity: it opens the sentence and is a common word (lexicon or lower case in this text)\n");
        else
          std::printf("     no entity: no gazetteer name, no head word (...Nazirliyi, ...Bankı, ...rayonu), no title or "
                      "source context around it, no given name from the lexicon, no domain or surname shape\n");
      }
      i = j;
    }
  }
}

// What the curation lines do to an entity of the text, one line each.
void explain_curation(const DocEntity& e, const std::vector<CurationStatement>& lines) {
  std::vector<std::string> keys{fold_key(e.name)};
  for (const std::string& a : e.aliases) keys.push_back(fold_key(a));
  const std::string_view type = type_name(e.type);
  using Verb = CurationStatement::Verb;
  for (const CurationStatement& s : lines) {
    std::string what;
    for (size_t i = 0; i < s.entities.size() && what.empty(); ++i) {
      if (s.entities[i].any || !ref_matches(s.entities[i], type, keys)) continue;
      switch (s.verb) {
        case Verb::Merge: what = i == 0 ? "other entities join it" : "merged into \"" + s.entities[0].name + "\""; break;
        case Verb::Split: what = "split: its mentions in the named documents become another entity"; break;
        case Verb::Rename: what = "renamed \"" + s.value + "\""; break;
        case Verb::Retype: what = "retyped " + s.value; break;
        case Verb::Alias: what = "also called \"" + s.value + "\""; break;
        case Verb::Drop: what = "dropped, with its mentions and triples"; break;
        case Verb::DropTriple: what = "its " + s.value + " triples " + (i == 0 ? "to " : "from ") + "the named entity are dropped"; break;
      }
    }
    if (!what.empty()) std::printf("               curation %s: %s\n", s.source.c_str(), what.c_str());
  }
}

}  // namespace

int run_explain(const Args& args, const std::string& argv0) {
  auto opts = parse_options(args, {"--rules", "--file", "--published", "--curation"}, {"--help"});
  if (!opts) return usage_error("explain", opts.error());
  if (opts->has("--help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (opts->given("--published"))
    if (auto published = iso_date("--published", opts->get("--published"), DateShape::Day); !published)
      return usage_error("explain", published.error());
  const bool from_stdin = opts->get("--file") == "-" || (opts->positional.size() == 1 && opts->positional[0] == "-");
  if (opts->given("--file") && !opts->positional.empty())
    return usage_error("explain", "give TEXT or --file FILE, not both");
  std::string text;
  if (from_stdin || opts->given("--file")) {
    std::ifstream file;
    if (!from_stdin) {
      file.open(opts->get("--file"), std::ios::binary);
      if (!file) {
        spdlog::error("explain: {}: cannot open (missing or unreadable)", opts->get("--file"));
        return 2;
      }
    }
    std::ostringstream buffer;
    buffer << (from_stdin ? std::cin.rdbuf() : file.rdbuf());
    text = buffer.str();
  } else {
    for (const std::string& p : opts->positional) text += (text.empty() ? "" : " ") + p;
  }
  std::vector<CurationStatement> curation;
  if (opts->given("--curation")) {
    auto lines = load_curation_file(opts->get("--curation"));
    if (!lines) {
      spdlog::error("{}", lines.error());
      return 2;
    }
    curation = std::move(*lines);
  }
  if (text.empty()) return usage_error("explain", from_stdin || opts->given("--file") ? "the text is empty" : "no TEXT given");
  auto pack = load_rule_pack(opts->get("--rules", default_pack_dir(argv0)));
  if (!pack) {
    spdlog::error("{}", pack.error());
    return 2;
  }
  const AnalyzedText analyzed = analyze(text, *pack);
  std::vector<Candidate> candidates;
  const Extraction x = extract_document(text, *pack, opts->get("--published"), &candidates);

  std::printf("sentences: %zu, words: %zu\n\n", analyzed.sentences.size(), analyzed.words.size());
  std::printf("entity candidates (%zu):\n", candidates.size());
  for (const Candidate& c : candidates) {
    const std::string type = c.type ? std::string(type_name(*c.type)) : "IGNORE";
    std::printf("  %s [%zu,%zu) \"%s\" %s name=\"%s\" case=%s rule=%s\n", c.accepted ? "WIN " : "lose",
                static_cast<size_t>(analyzed.folded.origin[c.start]), static_cast<size_t>(analyzed.folded.origin[c.end]),
                span_text(text, analyzed, c.start, c.end).c_str(), type.c_str(), c.name.c_str(), c.gram_case.c_str(),
                c.rule.c_str());
    if (!c.accepted) std::printf("       %s\n", c.verdict.c_str());
  }
  explain_runs(text, analyzed, x, candidates);
  std::printf("\nentities (%zu):\n", x.entities.entities.size());
  for (size_t i = 0; i < x.entities.entities.size(); ++i) {
    const DocEntity& e = x.entities.entities[i];
    std::string aliases;
    for (const std::string& a : e.aliases) aliases += (aliases.empty() ? "" : " | ") + a;
    size_t mentions = 0;
    for (const Mention& m : x.entities.mentions) mentions += m.entity == i;
    std::printf("  %-12s %s%s%s  (%zu mentions)\n", std::string(type_name(e.type)).c_str(), e.name.c_str(),
                aliases.empty() ? "" : "  aka ", aliases.c_str(), mentions);
    // Why its mentions are one entity, and what may join it to other documents'.
    for (const Mention& m : x.entities.mentions)
      if (m.entity == i) std::printf("       [%zu,%zu) \"%s\": %s\n", m.start, m.end, m.surface.c_str(), m.joined_by.c_str());
    std::string local;
    for (const std::string& a : e.local_aliases) local += (local.empty() ? "" : ", ") + ("\"" + a + "\"");
    switch (e.scope) {
      case IdentityScope::Names:
        std::printf("       across documents: joins an entity with one of its names%s%s\n",
                    local.empty() ? "" : ", never by ", local.c_str());
        break;
      case IdentityScope::Key:
        std::printf("       across documents: joins only on \"%s\"\n", e.identity_key.c_str());
        break;
      case IdentityScope::Document:
        std::printf("       across documents: joins nothing\n");
        break;
    }
    if (!e.identity_note.empty()) std::printf("       because %s\n", e.identity_note.c_str());
    explain_curation(e, curation);
  }
  std::printf("\nfigures (%zu):\n", x.figures.size());
  for (const Figure& f : x.figures) {
    std::printf("  [%zu,%zu) \"%s\" = %s %s%s%s%s rule=%s\n", f.start, f.end, f.surface.c_str(), f.value_text.c_str(),
                f.unit.c_str(), f.qualifier == "exact" ? "" : (" (" + f.qualifier + ")").c_str(),
                f.counted.empty() ? "" : " of ", f.counted.c_str(), f.rule.c_str());
  }
  std::printf("\ntriples (%zu):\n", x.triples.size());
  for (const Triple& t : x.triples) {
    const std::string object = t.object ? x.entities.entities[*t.object].name : "\"" + t.object_literal + "\"";
    std::printf("  %s %s %s", x.entities.entities[t.subject].name.c_str(), t.predicate.c_str(), object.c_str());
    if (!t.date.empty()) std::printf("  date=%s", t.date.c_str());
    if (!t.role.empty()) std::printf("  role=\"%s\"", t.role.c_str());
    if (t.amount) std::printf("  amount=\"%s\"", x.figures[*t.amount].surface.c_str());
    std::printf("  rule=%s [%zu,%zu) \"%s\"\n", t.rule.c_str(), t.start, t.end,
                text.substr(t.start, std::min<size_t>(t.end - t.start, 160)).c_str());
  }
  std::printf("\ndates (%zu):\n", x.dates.size());
  for (const DateMention& d : x.dates)
    std::printf("  [%zu,%zu) \"%s\" = %s (expression %s) rule=%s\n", d.start, d.end, d.surface.c_str(),
                d.value.empty() ? "unresolved" : d.value.c_str(), d.expression.c_str(), d.rule.c_str());
  return 0;
}

}  // namespace bilik::cli
