#include "bilik/coreference.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <cstdint>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "bilik/stop.h"
#include "bilik/utf8.h"

namespace bilik {
namespace {

bool ends_with_words(const std::vector<std::string>& longer, const std::vector<std::string>& shorter) {
  if (shorter.size() >= longer.size()) return false;
  return std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin());
}

// The words before the first subject-ending word: "təhsil" of "təhsil
// sahəsində əməkdaşlıq haqqında saziş".
std::vector<std::string> treaty_subject(const std::vector<std::string>& words, const RulePack& pack) {
  for (size_t i = 0; i < words.size(); ++i)
    if (pack.treaty_subject_ends.count(words[i])) return {words.begin(), words.begin() + static_cast<long>(i)};
  return {};
}

// "Mərkəzi Bank" at the end of "Azərbaycan Mərkəzi Bankı": the longer name
// ends in the same words, its last one with the possessive of a compound.
bool ends_with_possessive(const std::vector<std::string>& longer, const std::vector<std::string>& shorter) {
  if (shorter.size() >= longer.size()) return false;
  if (!std::equal(shorter.rbegin() + 1, shorter.rend(), longer.rbegin() + 1)) return false;
  const std::string& whole = longer.back();
  const std::string& stem = shorter.back();
  if (whole.size() <= stem.size() || whole.compare(0, stem.size(), stem) != 0) return false;
  static const std::set<std::string> kPossessive{"ı", "i", "u", "ü", "sı", "si", "su", "sü"};
  return kPossessive.count(whole.substr(stem.size())) > 0;
}

bool starts_with_words(const std::vector<std::string>& longer, const std::vector<std::string>& shorter) {
  if (shorter.size() >= longer.size()) return false;
  return std::equal(shorter.begin(), shorter.end(), longer.begin());
}

// True when every word of `name` after its first `skip` words (split at
// spaces and hyphens) starts with a lower-case letter: a common noun
// ("rayonu", "dəmir yolu") that names the kind of place, not another name.
bool tail_in_lowercase(const std::string& name, size_t skip) {
  size_t word = 0;
  bool at_start = true;
  for (size_t pos = 0; pos < name.size();) {
    char32_t c;
    const size_t len = decode_utf8(name, pos, c);
    pos += len ? len : 1;
    if (c == ' ' || c == '-') {
      at_start = true;
      continue;
    }
    if (at_start) {
      if (word >= skip && fold_key(std::string(name.substr(pos - (len ? len : 1), len ? len : 1))) != 
                              std::string(name.substr(pos - (len ? len : 1), len ? len : 1)))
        return false;
      ++word;
      at_start = false;
    }
  }
  return word > skip;
}

// "z.həsənov" or "z. həsənov": the initial ("z") and the surname.
std::optional<std::pair<std::string, std::string>> initial_and_surname(const std::vector<std::string>& words) {
  if (words.size() == 2 && !words[0].empty() && words[0].size() <= 2 && words[1].find('.') == std::string::npos)
    return std::make_pair(words[0], words[1]);  // the key lost the dot: "z həsənov"
  std::string joined;
  for (const std::string& w : words) joined += (joined.empty() ? "" : " ") + w;
  const size_t dot = joined.find('.');
  if (dot == std::string::npos || dot == 0 || dot > 2) return std::nullopt;  // one letter: 1 or 2 bytes
  size_t rest = dot + 1;
  while (rest < joined.size() && joined[rest] == ' ') ++rest;
  const std::string surname = joined.substr(rest);
  if (surname.empty() || surname.find_first_of(" .") != std::string::npos) return std::nullopt;
  return std::make_pair(joined.substr(0, dot), surname);
}

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t find(size_t x) { return parent[x] == x ? x : parent[x] = find(parent[x]); }
  void join(size_t into, size_t from) { parent[find(from)] = find(into); }
};

}  // namespace

ResolvedEntities resolve_entities(std::string_view original, const AnalyzedText& text,
                                  std::vector<Candidate>& candidates, const RulePack& pack) {
  std::vector<Candidate*> accepted;
  // Each name's key, folded once: the steps below compare names many times.
  std::unordered_map<std::string, std::string> keys;
  auto key_of = [&keys](const std::string& name) -> const std::string& {
    auto [it, inserted] = keys.try_emplace(name);
    if (inserted) it->second = fold_key(name);
    return it->second;
  };
  // Each key's words, split once (references stay valid: the map's nodes do not move).
  std::unordered_map<std::string_view, std::vector<std::string>> words;
  auto words_of = [&words](const std::string& key) -> const std::vector<std::string>& {
    auto [it, inserted] = words.try_emplace(key);
    if (inserted) it->second = key_words(key);
    return it->second;
  };
  for (Candidate& c : candidates)
    if (c.accepted && c.type) accepted.push_back(&c);

  // Weak suffix cuts stand only where the bare form is known.
  std::unordered_set<std::string_view> known;
  std::unordered_set<std::string_view> person_words;
  for (const Candidate* c : accepted) {
    const std::string& key = key_of(c->name);
    known.insert(key);
    if (*c->type == EntityType::Person)
      for (const std::string& w : words_of(key)) person_words.insert(w);
  }
  // Two different suffixes on one stem also confirm it ("Sezərin", "Sezəri").
  std::map<std::string_view, std::set<std::string_view>> forms_of_stem;
  for (const Candidate* c : accepted)
    if (!c->weak_name.empty()) forms_of_stem[key_of(c->weak_name)].insert(key_of(c->name));
  for (const auto& [stem, forms] : forms_of_stem)
    if (forms.size() >= 2) known.insert(stem);
  for (Candidate* c : accepted) {
    if (c->weak_name.empty()) continue;
    const std::string& key = key_of(c->weak_name);
    // Unknown bare form: the name keeps its suffix, but the case the suffix
    // most likely marks stays, so relation rules do not read "Caniklinin"
    // as a nominative subject.
    if (known.count(key) || person_words.count(key) || pack.gazetteer.lookup(key)) c->name = c->weak_name;
  }

  // Group by gazetteer entry, else by type and name.
  std::vector<size_t> group_of(accepted.size());
  std::unordered_map<std::string, size_t> groups;
  std::string group_key;  // "g:" and the gazetteer entry, or the type, ":" and the key
  std::vector<DocEntity> entities;
  entities.reserve(accepted.size());
  std::vector<std::vector<const std::string*>> names;  // per group: names used (the accepted candidates')
  std::map<size_t, std::vector<std::string>> weak;  // per group: unconfirmed cuts
  for (size_t i = 0; i < accepted.size(); ++i) {
    if ((i & 0xFFF) == 0 && stop_requested()) return {};  // the caller drops a stopped extraction
    Candidate& c = *accepted[i];
    const std::string& key = key_of(c.name);
    int32_t entry = c.gazetteer_entry;
    if (entry < 0) {
      if (auto known_entry = pack.gazetteer.lookup(key); known_entry && pack.gazetteer.entry(*known_entry).type == *c.type)
        entry = static_cast<int32_t>(*known_entry);
    }
    group_key.clear();
    if (entry >= 0) {
      group_key += "g:";
      group_key += std::to_string(entry);
    } else {
      group_key += type_name(*c.type);
      group_key += ':';
      group_key += key;
    }
    auto it = groups.find(group_key);
    if (it == groups.end()) {
      it = groups.emplace(group_key, entities.size()).first;
      DocEntity& e = entities.emplace_back();
      e.type = entry >= 0 ? pack.gazetteer.entry(entry).type : *c.type;
      e.gazetteer_entry = entry;
      names.emplace_back();
    }
    group_of[i] = it->second;
    names[it->second].push_back(&c.name);
    if (!c.weak_name.empty() && c.name != c.weak_name) weak[it->second].push_back(c.weak_name);
  }

  UnionFind uf(entities.size());
  // Why a group joined another: what explain shows for its mentions.
  std::vector<std::string> why(entities.size());
  auto join = [&](size_t into, size_t from, const std::string& reason) {
    if (uf.find(into) == uf.find(from)) return;
    for (size_t g : {from, uf.find(from)})
      if (why[g].empty()) why[g] = reason;
    uf.join(into, from);
  };
  // Each group's longest name (the first of the most words) and its key's
  // words, found once: the comparisons below take every pair of groups.
  static const std::vector<std::string> kNoWords;
  std::vector<const std::vector<std::string>*> longest_key_words(entities.size(), &kNoWords);
  std::vector<std::string> longest_names(entities.size());
  for (size_t g = 0; g < entities.size(); ++g) {
    size_t most = 0;
    for (const std::string* n : names[g]) {
      const std::vector<std::string>& w = words_of(key_of(*n));
      if (w.size() > most) {
        most = w.size();
        longest_key_words[g] = &w;
        longest_names[g] = *n;
      }
    }
  }
  // People first: a shorter full name inside a longer one ("Cavad Zərif" in
  // "Məhəmməd Cavad Zərif") and an initial before a surname ("Z.Həsənov",
  // "İ. Əliyev") are the person named in full, where only one fits.
  for (size_t a = 0; a < entities.size(); ++a) {
    if (entities[a].type != EntityType::Person) continue;
    const auto& wa = *longest_key_words[a];
    const auto initial = initial_and_surname(wa);
    std::set<size_t> fits;
    for (size_t b = 0; b < entities.size(); ++b) {
      if (a == b || entities[b].type != EntityType::Person) continue;
      const auto& wb = *longest_key_words[b];
      if (wa.size() >= 2 && ends_with_words(wb, wa)) fits.insert(b);
      if (initial && wb.size() >= 2 && wb.back() == initial->second && wb[0].rfind(initial->first, 0) == 0 &&
          !initial_and_surname(wb))
        fits.insert(b);
    }
    if (fits.size() == 1) join(*fits.begin(), a, "a shorter form of \"" + longest_names[*fits.begin()] + "\"");
  }
  for (size_t a = 0; a < entities.size(); ++a) {
    const auto& wa = *longest_key_words[a];
    if (wa.empty()) continue;
    std::vector<size_t> hosts, places;
    for (size_t b = 0; b < entities.size(); ++b) {
      if (a == b || entities[a].type != entities[b].type) continue;
      const auto& wb = *longest_key_words[b];
      const EntityType type = entities[a].type;
      if (type == EntityType::Person) {
        if (wa.size() == 1 && wb.size() > 1 && wb.back() == wa[0]) hosts.push_back(b);
        if (wa.size() > 1 && wb.size() > 1 && a < b && wa.back() == wb.back() && edit_distance(wa[0], wb[0]) <= 1)
          join(a, b, "the same surname, the first name spelled as in \"" + longest_names[a] + "\"");
      } else if (type == EntityType::Organization && wa.size() >= 2 &&
                 (ends_with_words(wb, wa) || ends_with_possessive(wb, wa))) {
        hosts.push_back(b);
      } else if (type == EntityType::Location && starts_with_words(wb, wa) && tail_in_lowercase(longest_names[b], wa.size())) {
        places.push_back(b);  // "Füzuli" in "Füzuli rayonu", "Bakı-Tbilisi-Qars" in "... dəmir yolu"
      } else if (type == EntityType::Treaty && a < b) {
        const auto sa = treaty_subject(wa, pack), sb = treaty_subject(wb, pack);
        if (!sa.empty() && sa == sb) join(a, b, "the same subject as \"" + longest_names[a] + "\"");
      }
    }
    std::set<size_t> host_roots;
    for (size_t h : hosts) host_roots.insert(uf.find(h));
    if (host_roots.size() == 1 && entities[a].gazetteer_entry < 0)
      join(*host_roots.begin(), a,
           std::string(entities[a].type == EntityType::Person ? "the surname of \"" : "the end of \"") +
               longest_names[hosts[0]] + "\"");
    if (places.size() == 1) join(places[0], a, "named in \"" + longest_names[places[0]] + "\"");
  }

  // An acronym in brackets right after an organisation: "... Təşkilatı (KTMT)".
  for (size_t i = 0; i + 1 < accepted.size(); ++i) {
    const Candidate& full = *accepted[i];
    const Candidate& acr = *accepted[i + 1];
    if (*full.type != EntityType::Organization || *acr.type != EntityType::Organization) continue;
    const std::string gap = text.folded.text.substr(full.end, acr.start - std::min(acr.start, full.end));
    if (fold_key(gap).empty() && gap.find('(') != std::string::npos)
      join(group_of[i], group_of[i + 1], "an acronym in brackets after \"" + full.name + "\"");
  }

  // Collapse groups into entities.
  std::vector<size_t> final_index(entities.size(), SIZE_MAX);  // by root group
  ResolvedEntities out;
  out.entities.reserve(entities.size());
  for (size_t g = 0; g < entities.size(); ++g) {
    const size_t root = uf.find(g);
    if (final_index[root] == SIZE_MAX) {
      final_index[root] = out.entities.size();
      out.entities.push_back(entities[root]);
    }
  }
  std::vector<std::vector<const std::string*>> all_names(out.entities.size());
  for (size_t g = 0; g < entities.size(); ++g) {
    const size_t e = final_index[uf.find(g)];
    auto& target = all_names[e];
    target.insert(target.end(), names[g].begin(), names[g].end());
    if (out.entities[e].gazetteer_entry < 0 && entities[g].gazetteer_entry >= 0)
      out.entities[e].gazetteer_entry = entities[g].gazetteer_entry;
    if (weak.count(g)) {
      auto& u = out.entities[e].unconfirmed_names;
      u.insert(u.end(), weak[g].begin(), weak[g].end());
    }
  }
  for (size_t e = 0; e < out.entities.size(); ++e) {
    DocEntity& entity = out.entities[e];
    if (entity.gazetteer_entry >= 0) {
      entity.name = pack.gazetteer.entry(entity.gazetteer_entry).canonical;
    } else {
      size_t most = words_of(key_of(entity.name)).size();
      for (const std::string* n : all_names[e]) {
        const size_t count = words_of(key_of(*n)).size();
        if (count > most) {
          entity.name = *n;
          most = count;
        }
      }
    }
    // One alias per key; of two spellings of one key, the one not in capitals
    // ("Tokayev", not the headline's "TOKAYEV").
    std::unordered_map<std::string_view, size_t> alias_of_key{{key_of(entity.name), SIZE_MAX}};
    auto shouting = [](const std::string& n) { return n.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos; };
    for (const std::string* n : all_names[e]) {
      auto [it, inserted] = alias_of_key.try_emplace(key_of(*n), entity.aliases.size());
      if (inserted) entity.aliases.push_back(*n);
      else if (it->second != SIZE_MAX && shouting(entity.aliases[it->second]) && !shouting(*n)) entity.aliases[it->second] = *n;
    }
  }
  out.mentions.reserve(accepted.size());
  for (size_t i = 0; i < accepted.size(); ++i) {
    const Candidate& c = *accepted[i];
    Mention m;
    m.start = text.folded.origin[c.start];
    m.end = text.folded.origin[c.end];
    m.folded_start = c.start;
    m.folded_end = c.end;
    m.entity = final_index[uf.find(group_of[i])];
    m.surface = std::string(original.substr(m.start, m.end - m.start));
    m.name = c.name;
    m.gram_case = c.gram_case;
    m.rule = c.rule;
    const size_t g = group_of[i];
    if (!why[g].empty() && uf.find(g) != g) m.joined_by = why[g];
    else if (entities[g].gazetteer_entry >= 0) m.joined_by = "gazetteer entry \"" + pack.gazetteer.entry(entities[g].gazetteer_entry).canonical + "\"";
    else m.joined_by = "the same name";
    out.mentions.push_back(std::move(m));
  }
  return out;
}

}  // namespace bilik
