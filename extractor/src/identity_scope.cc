#include "bilik/identity_scope.h"

#include <algorithm>
#include <map>
#include <set>

#include "bilik/utf8.h"

namespace bilik {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A mention whose first letter is a capital that no sentence start explains:
// the text writes the name as a title ("Kars müqaviləsi", "Strateji
// Tərəfdaşlıq haqqında Saziş").
bool written_as_title(std::string_view original, const Mention& m) {
  bool first = true;
  for (size_t pos = m.start; pos < m.end;) {
    char32_t c;
    const size_t len = decode_utf8(original, pos, c);
    const std::string_view letter = original.substr(pos, len ? len : 1);
    pos += len ? len : 1;
    const bool capital = fold_key(letter) != letter && fold_key(letter) != "";
    const bool word_start = first || is_space(original[pos - (len ? len : 1) - 1]);
    if (capital && word_start) {
      if (!first) return true;
      // The first word: a capital after a sentence's end is no evidence.
      size_t before = m.start;
      while (before > 0 && (is_space(original[before - 1]) || original[before - 1] == '"')) --before;
      if (before > 0 && original[before - 1] != '.' && original[before - 1] != '!' && original[before - 1] != '?')
        return true;
    }
    first = false;
  }
  return false;
}

// The one state the text ties a body to, with the words that tie it; empty
// when no state or more than one does.
std::pair<size_t, std::string> owner_state(const Extraction& x, size_t body, std::string_view original) {
  std::map<size_t, std::string> ties;
  const auto& entities = x.entities.entities;
  for (const Triple& t : x.triples)
    if (t.predicate == "located_in" && t.subject == body && t.object &&
        entities[*t.object].type == EntityType::State)
      ties.try_emplace(*t.object, std::string(original.substr(t.start, t.end - t.start)));
  const auto& mentions = x.entities.mentions;
  for (size_t i = 1; i < mentions.size(); ++i) {
    const Mention &state = mentions[i - 1], &m = mentions[i];
    if (m.entity != body || entities[state.entity].type != EntityType::State || state.gram_case != "genitive") continue;
    const std::string_view gap = original.substr(state.end, m.start - std::min(m.start, state.end));
    if (std::all_of(gap.begin(), gap.end(), is_space))
      ties.try_emplace(state.entity, std::string(original.substr(state.start, m.end - state.start)));
  }
  if (ties.size() != 1) return {SIZE_MAX, ties.empty() ? "" : std::to_string(ties.size()) + " states"};
  return *ties.begin();
}

void settle_body(Extraction& x, size_t index, std::string_view original, const RulePack& pack) {
  DocEntity& e = x.entities.entities[index];
  for (const std::string& a : e.aliases)
    if (is_state_body(a, pack)) e.local_aliases.push_back(a);
  if (!is_state_body(e.name, pack)) return;
  const auto [state, words] = owner_state(x, index, original);
  if (state == SIZE_MAX) {
    e.scope = IdentityScope::Document;
    e.identity_note = words.empty() ? "\"" + e.name + "\" is a body every state has, and no state is named as its owner"
                                    : "\"" + e.name + "\" is tied to " + words + ": kept within the document";
    return;
  }
  const std::string generic = e.name;
  e.name = x.entities.entities[state].name + " " + generic;
  if (std::find(e.aliases.begin(), e.aliases.end(), generic) == e.aliases.end()) e.aliases.push_back(generic);
  if (std::find(e.local_aliases.begin(), e.local_aliases.end(), generic) == e.local_aliases.end())
    e.local_aliases.push_back(generic);
  e.identity_note = "\"" + generic + "\" of " + x.entities.entities[state].name + ", by \"" + words + "\"";
}

// "Anlaşma Memorandumu", "Birgə Bəyannamə": every word names a kind of paper.
bool names_only_a_kind(const std::string& name, const RulePack& pack) {
  const std::vector<std::string> words = key_words(fold_key(name));
  return !words.empty() && std::all_of(words.begin(), words.end(), [&](const std::string& w) {
    return std::any_of(pack.treaty_kind_words.begin(), pack.treaty_kind_words.end(),
                       [&](const std::string& kind) { return w.rfind(kind, 0) == 0; });
  });
}

void settle_treaty(Extraction& x, size_t index, std::string_view original, const RulePack& pack) {
  DocEntity& e = x.entities.entities[index];
  if (e.gazetteer_entry >= 0) return;
  const bool kind_only = names_only_a_kind(e.name, pack);
  if (!kind_only)
    for (const Mention& m : x.entities.mentions)
      if (m.entity == index && written_as_title(original, m)) return;
  std::set<std::string> parties;
  std::string year;
  for (const Triple& t : x.triples) {
    if (!t.object || *t.object != index) continue;
    if (t.predicate == "party_to") parties.insert(x.entities.entities[t.subject].name);
    if (t.date.size() >= 4 && (year.empty() || t.date.substr(0, 4) < year)) year = t.date.substr(0, 4);
  }
  if (parties.empty()) {
    e.scope = IdentityScope::Document;
    e.identity_note = "\"" + e.name + "\" names " + std::string(kind_only ? "a kind of paper" : "a subject") +
                      ", not a treaty, and the text names no party";
    return;
  }
  std::string listed;
  for (const std::string& p : parties) listed += (listed.empty() ? "" : ", ") + p;
  e.scope = IdentityScope::Key;
  e.identity_key = fold_key(e.name) + " | " + fold_key(listed) + " | " + (year.empty() ? "undated" : year);
  e.identity_note = std::string("a treaty known by its ") + (kind_only ? "kind" : "subject") +
                    ": joins only one with the same parties (" + listed + ") and " +
                    (year.empty() ? "no date" : "year " + year);
}

}  // namespace

bool is_state_body(std::string_view name, const RulePack& pack) {
  const std::string key = fold_key(name);
  if (pack.state_bodies.count(key)) return true;
  const std::vector<std::string> words = key_words(key);
  if (words.size() < 2 || !pack.state_body_heads.count(words.back())) return false;
  for (size_t from = 0; from + 1 < words.size(); ++from) {
    std::string phrase;
    for (size_t to = from; to + 1 < words.size(); ++to) {
      phrase += (phrase.empty() ? "" : " ") + words[to];
      const auto entry = pack.gazetteer.lookup(phrase);
      if (entry && pack.gazetteer.entry(*entry).type == EntityType::State) return false;
    }
  }
  return true;
}

void settle_identity(Extraction& x, std::string_view original, const RulePack& pack) {
  for (size_t i = 0; i < x.entities.entities.size(); ++i) {
    switch (x.entities.entities[i].type) {
      case EntityType::Organization: settle_body(x, i, original, pack); break;
      case EntityType::Treaty: settle_treaty(x, i, original, pack); break;
      default: break;
    }
  }
}

}  // namespace bilik
