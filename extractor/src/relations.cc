#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <set>
#include <tuple>

#include "bilik/coreference.h"
#include "bilik/dates.h"
#include "bilik/entity_matcher.h"
#include "bilik/figures.h"
#include "bilik/folded_text.h"
#include "bilik/relations.h"
#include "bilik/rule_pack.h"
#include "bilik/stop.h"
#include "narrow_alphabet.h"
#include "rule_search.h"

namespace bilik {
namespace {

constexpr size_t kVetoReach = 160;   // bytes after a match that its rule's "unless" reads
constexpr size_t kQuoteReach = 12;   // sentences a quote's attribution looks back through

// A sentence with its names, figures and dates replaced by placeholders, and
// where each rewritten byte comes from in the folded text.
struct Rewritten {
  // A run of rewritten bytes [at, next piece's at): a placeholder standing for
  // folded [start, end), or folded bytes copied one for one from `start`.
  struct Piece {
    uint32_t at, start, end;
    bool placeholder;
  };
  std::string text;
  std::vector<Piece> pieces;
  std::string date;                // the sentence's first date outside parentheses
  std::optional<size_t> money;     // the sentence's first money figure
  bool narrow = false;             // `text` is in the narrow alphabet (narrow_alphabet.h)

  // The folded span rewritten byte k stands for.
  std::pair<uint32_t, uint32_t> folded(size_t k) const {
    const auto piece = std::prev(std::upper_bound(pieces.begin(), pieces.end(), k,
                                                  [](size_t pos, const Piece& p) { return pos < p.at; }));
    if (piece->placeholder) return {piece->start, piece->end};
    const uint32_t at = piece->start + static_cast<uint32_t>(k - piece->at);
    return {at, at + 1};
  }
  uint32_t from(size_t k) const { return folded(k).first; }
  uint32_t to(size_t k) const { return folded(k).second; }
};

struct Item {
  size_t start, end;  // folded
  std::string placeholder;
};

Rewritten rewrite(const AnalyzedText& t, const Sentence& s, std::vector<const Item*>& items) {
  std::sort(items.begin(), items.end(), [](const Item* a, const Item* b) { return a->start < b->start; });
  Rewritten r;
  size_t capacity = s.end - s.start;
  for (const Item* item : items) capacity += item->placeholder.size();
  r.text.reserve(capacity);
  size_t pos = s.start;
  // Runs of spaces and line breaks become one space, so rules write " ".
  const std::string& f = t.folded.text;
  auto copy = [&](size_t from, size_t to) {
    size_t next_folded = SIZE_MAX;  // the folded byte that continues the current piece
    auto append = [&](size_t i, size_t j) {  // folded [i, j), as it is
      if (i != next_folded)
        r.pieces.push_back({static_cast<uint32_t>(r.text.size()), static_cast<uint32_t>(i), 0, false});
      r.text.append(f, i, j - i);
      next_folded = j;
    };
    for (size_t i = from; i < to;) {
      if (f[i] == ' ' || f[i] == '\n') {
        if (!r.text.empty() && r.text.back() != ' ') {
          append(i, i + 1);
          r.text.back() = ' ';
        }
        ++i;
        continue;
      }
      // Up to the next line break or run of spaces: single spaces between
      // words stay as they are, so the run is copied in one piece.
      auto single_space_at = [&](size_t k) { return f[k] == ' ' && k + 1 < to && f[k + 1] != ' ' && f[k + 1] != '\n'; };
      size_t j = i + 1;
      while (j < to && f[j] != '\n' && (f[j] != ' ' || single_space_at(j))) ++j;
      append(i, j);
      i = j;
    }
  };
  for (const Item* item : items) {
    if (item->start < pos || item->end > s.end) continue;  // overlaps one already written
    copy(pos, item->start);
    r.pieces.push_back({static_cast<uint32_t>(r.text.size()), static_cast<uint32_t>(item->start),
                        static_cast<uint32_t>(item->end), true});
    r.text += item->placeholder;
    pos = item->end;
  }
  copy(pos, s.end);
  // The sentence's text and ASCII placeholders: narrow when the sentence is.
  r.narrow = s.narrow;
  return r;
}

struct Placeholder {
  std::string kind;  // PERSON, ..., FIGURE, DATE
  size_t index;
};

// The placeholders "<<KIND:index>>" and "<<KIND:index:case:origin>>" in
// `text`, left to right.
std::vector<Placeholder> placeholders_in(std::string_view text) {
  std::vector<Placeholder> out;
  for (size_t open = text.find("<<"); open != std::string_view::npos; open = text.find("<<", open + 1)) {
    size_t k = open + 2;
    while (k < text.size() && text[k] >= 'A' && text[k] <= 'Z') ++k;
    if (k == open + 2 || k >= text.size() || text[k] != ':') continue;
    const size_t kind_end = k++;
    while (k < text.size() && text[k] >= '0' && text[k] <= '9') ++k;
    if (k == kind_end + 1) continue;
    size_t index = 0;
    if (std::from_chars(text.data() + kind_end + 1, text.data() + k, index).ec != std::errc()) break;
    size_t close = k;
    if (close < text.size() && text[close] == ':') close = text.find('>', close);
    if (close == std::string_view::npos || text.compare(close, 2, ">>") != 0) continue;
    out.push_back({std::string(text.substr(open + 2, kind_end - open - 2)), index});
    open = close;  // the next search starts past the closing ">>"
  }
  return out;
}

class RelationFinder {
 public:
  RelationFinder(std::string_view original, const AnalyzedText& t, const ResolvedEntities& e,
                 const std::vector<Figure>& figures, const std::vector<DateMention>& dates, const RulePack& pack,
                 const std::string& published)
      : original_(original), t_(t), e_(e), figures_(figures), dates_(dates), pack_(pack), published_(published) {}

  std::vector<Triple> run() {
    items_ = placeholders();
    const bool windows = std::any_of(pack_.relation_rules.begin(), pack_.relation_rules.end(),
                                     [](const RelationRule& r) { return r.window == 2; });
    const size_t n = t_.sentences.size();
    Alone next;
    for (size_t k = 0; k < n && !stop_requested(); ++k) {
      Alone here = k > 0 && windows ? std::move(next) : alone(k, windows);
      if (here.has_items)
        for (int i : pack_.relation_filters[0].rules_for(here.atoms)) apply(pack_.relation_rules[i], here.r, k);
      if (!windows) continue;
      if (k + 1 == n) {  // the last sentence alone, so that a two-sentence rule still reads a match held by one
        if (here.has_items)
          for (int i : pack_.relation_filters[1].rules_for(here.pair_atoms)) apply(pack_.relation_rules[i], here.r, k);
        continue;
      }
      next = alone(k + 1, windows);
      if (!pair_may_match(k, here, next)) continue;
      Sentence two = t_.sentences[k];
      two.end = t_.sentences[k + 1].end;
      const std::string_view gap = std::string_view(t_.folded.text).substr(t_.sentences[k].end, t_.sentences[k + 1].start - t_.sentences[k].end);
      two.narrow = two.narrow && t_.sentences[k + 1].narrow && in_narrow_alphabet(gap);
      match_span(two, k, 2);
    }
    infer();
    return std::move(triples_);
  }

 private:
  // Every name, figure and date of the document as a placeholder, by start.
  std::vector<Item> placeholders() const {
    std::vector<Item> items;
    for (const Mention& m : e_.mentions)
      items.push_back({m.folded_start, m.folded_end,
                       "<<" + std::string(type_name(e_.entities[m.entity].type)) + ":" + std::to_string(m.entity) +
                           ":" + case_of(m) + ":" + (m.rule.rfind("gazetteer:", 0) == 0 ? "known" : "found") + ">>"});
    for (size_t i = 0; i < figures_.size(); ++i)
      items.push_back({figures_[i].folded_start, figures_[i].folded_end,
                       "<<FIGURE:" + std::to_string(i) + ":" + figures_[i].unit + ">>"});
    for (size_t i = 0; i < dates_.size(); ++i)
      items.push_back({dates_[i].folded_start, dates_[i].folded_end, "<<DATE:" + std::to_string(i) + ">>"});
    add_demonyms(items);
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.start < b.start; });
    return items;
  }

  // "türkiyəli həmkarı": a demonym before a head word stands for its state,
  // when the document names that state.
  void add_demonyms(std::vector<Item>& items) const {
    if (pack_.demonyms.empty()) return;
    std::map<std::string, size_t> states;
    for (size_t e = 0; e < e_.entities.size(); ++e)
      if (e_.entities[e].type == EntityType::State) states.emplace(fold_key(e_.entities[e].name), e);
    if (states.empty()) return;
    const std::string& f = t_.folded.text;
    for (size_t w = 0; w + 1 < t_.words.size(); ++w) {
      const Word& next = t_.words[w + 1];
      const std::string_view following(f.data() + next.start, next.end - next.start);
      // The head word is tested first, by its opening bytes, where the demonym is a hash of the word.
      if (!pack_.demonym_head_openings.may_open(following)) continue;
      const bool headed = std::any_of(pack_.demonym_heads.begin(), pack_.demonym_heads.end(),
                                      [&](const std::string& h) { return following.starts_with(h); });
      if (!headed) continue;
      const Word& word = t_.words[w];
      auto demonym = pack_.demonyms.find(std::string_view(f).substr(word.start, word.end - word.start));
      if (demonym == pack_.demonyms.end()) continue;
      auto state = states.find(demonym->second);
      if (state == states.end()) continue;
      items.push_back({word.start, word.end, "<<STATE:" + std::to_string(state->second) + ":demonym:known>>"});
    }
  }

  // The names, figures and dates that lie wholly in span s, by start.
  std::vector<const Item*> items_in(const Sentence& s) const {
    auto it = std::lower_bound(items_.begin(), items_.end(), s.start,
                               [](const Item& item, size_t pos) { return item.start < pos; });
    std::vector<const Item*> items;
    for (; it != items_.end() && it->start < s.end; ++it)
      if (it->end <= s.end) items.push_back(&*it);
    return items;
  }

  // Sentence k rewritten on its own, with the atoms of the two-sentence
  // rules' filter it holds.
  struct Alone {
    Rewritten r;
    bool has_items = false;
    std::vector<int> atoms, pair_atoms;  // for relation_filters[0] and [1]
  };
  Alone alone(size_t k, bool windows) const {
    std::vector<const Item*> items = items_in(t_.sentences[k]);
    Alone a;
    a.has_items = !items.empty();
    if (!a.has_items && !windows) return a;
    a.r = rewrite(t_, t_.sentences[k], items);
    read_sentence_facts(a.r);
    auto both = pack_.relation_atoms_in(a.r.text);  // without two-sentence rules, the second is empty
    a.atoms = std::move(both[0]);
    a.pair_atoms = std::move(both[1]);
    return a;
  }

  // Whether a two-sentence rule may match sentences k and k + 1 read
  // together. Their rewrite is the two sentences' own, end to end, with the
  // spaces between them made one: its atoms are theirs and those across the
  // join, and a rule no such atom lets through cannot match. Unsure (true)
  // where the pair rewrites otherwise: a name across the sentences' border,
  // or text between them.
  bool pair_may_match(size_t k, const Alone& a, const Alone& b) const {
    const Sentence& s = t_.sentences[k];
    const Sentence& next = t_.sentences[k + 1];
    const std::string& f = t_.folded.text;
    for (size_t i = s.end; i < next.start; ++i)
      if (f[i] != ' ' && f[i] != '\n') return true;
    if (next.start < next.end && (f[next.start] == ' ' || f[next.start] == '\n')) return true;
    auto it = std::lower_bound(items_.begin(), items_.end(), s.start,
                               [](const Item& item, size_t pos) { return item.start < pos; });
    for (; it != items_.end() && it->start < next.end; ++it)
      if (it->end <= next.end && it->end > s.end && it->start < next.start) return true;
    if (!a.has_items && !b.has_items) return false;  // the pair holds no name, figure or date
    const RulePack::RuleFilter& filter = pack_.relation_filters[1];
    const size_t reach = filter.longest_atom > 0 ? filter.longest_atom - 1 : 0;
    std::string join = a.r.text.substr(a.r.text.size() - std::min(reach, a.r.text.size()));
    if (next.start > s.end && !a.r.text.empty() && a.r.text.back() != ' ') join += ' ';
    join.append(b.r.text, 0, std::min(reach, b.r.text.size()));
    std::vector<int> atoms = a.pair_atoms;
    atoms.insert(atoms.end(), b.pair_atoms.begin(), b.pair_atoms.end());
    for (int atom : filter.atoms_in(join)) atoms.push_back(atom);
    std::sort(atoms.begin(), atoms.end());
    atoms.erase(std::unique(atoms.begin(), atoms.end()), atoms.end());
    return !filter.rules_for(atoms).empty();
  }

  // Runs the rules that read `window` sentences on span s, which starts at sentence k.
  void match_span(const Sentence& s, size_t k, int window) {
    std::vector<const Item*> items = items_in(s);
    if (items.empty()) return;
    Rewritten r = rewrite(t_, s, items);
    read_sentence_facts(r);
    for (int i : pack_.relation_filters[window - 1].candidates(r.text)) apply(pack_.relation_rules[i], r, k);
  }

  // The mention's case; a name followed by the postposition "ilə" is read
  // as instrumental, like "-la/-lə" ("Rick Perry ilə görüşdən sonra").
  std::string case_of(const Mention& m) const {
    const std::string& f = t_.folded.text;
    static const std::string kWith = " ilə";
    if (m.gram_case == "nominative" && f.compare(m.folded_end, kWith.size(), kWith) == 0) {
      const size_t after = m.folded_end + kWith.size();
      if (after >= f.size() || !std::isalpha(static_cast<unsigned char>(f[after])))
        if (after >= f.size() || static_cast<unsigned char>(f[after]) < 0x80) return "instrumental";
    }
    return m.gram_case;
  }

  // Whether a line break separates sentence k from the one before it.
  bool opens_paragraph(size_t k) const {
    if (k == 0) return true;
    const std::string& f = t_.folded.text;
    for (size_t i = t_.sentences[k - 1].end; i < t_.sentences[k].start; ++i)
      if (f[i] == '\n') return true;
    return false;
  }

  // The original text of folded span [a, b), spaces and quotes tidied (display_name).
  std::string original_of_folded(size_t a, size_t b) const {
    if (b <= a) return "";
    const size_t from = t_.folded.origin[a], to = t_.folded.origin[b];
    return display_name(original_.substr(from, to - from));
  }

  // The first sentence of the paragraph before sentence k, or the sentence
  // after it: the quote an attribution ("Bunu X deyib.", "X bildirib:") points to.
  std::string quote_near(size_t k, RelationRule::QuoteFrom from) const {
    size_t q = k + 1;
    if (from == RelationRule::QuoteFrom::Before) {
      if (k == 0) return "";
      for (q = k - 1; !opens_paragraph(q) && k - q < kQuoteReach;) --q;
    }
    if (q >= t_.sentences.size()) return "";
    return original_of_folded(t_.sentences[q].start, t_.sentences[q].end);
  }

  // The first sentence of a quote whose folded span is [a, b) in sentence k.
  // A quote that opened earlier in the paragraph ("...bilmir. Biz ...", – deyə
  // X bildirib) reaches back to its opening mark: an odd count of marks
  // before it in the paragraph means the last one is still open.
  std::string quote_of(size_t k, size_t a, size_t b) const {
    const std::string& f = t_.folded.text;
    if (a == t_.sentences[k].start) {
      size_t p = k;
      while (!opens_paragraph(p) && k - p < kQuoteReach) --p;
      size_t marks = 0, last = 0;
      for (size_t i = t_.sentences[p].start; i < a; ++i)
        if (f[i] == '"') ++marks, last = i;
      if (marks % 2 == 1) a = last + 1;
    }
    auto holding = std::upper_bound(t_.sentences.begin(), t_.sentences.end(), a,
                                    [](size_t pos, const Sentence& s) { return pos < s.start; });
    if (holding != t_.sentences.begin() && a < std::prev(holding)->end)
      b = std::min<size_t>(b, std::prev(holding)->end);
    while (a < b && f[a] == ' ') ++a;
    return original_of_folded(a, b);
  }

  std::vector<size_t> entities_in(std::string_view group, const std::vector<EntityType>& allowed) const {
    std::vector<size_t> out;
    for (const Placeholder& p : placeholders_in(group)) {
      auto type = parse_type(p.kind);
      if (!type || p.index >= e_.entities.size()) continue;
      if (std::find(allowed.begin(), allowed.end(), *type) == allowed.end()) continue;
      if (std::find(out.begin(), out.end(), p.index) == out.end()) out.push_back(p.index);
    }
    return out;
  }

  // A DATE placeholder's value as a triple's date: an interval by its start.
  std::string date_value(size_t index) const {
    if (index >= dates_.size() || dates_[index].value.empty()) return "";
    const std::string& v = dates_[index].value;
    return v.substr(0, v.find('/'));
  }

  // What every triple of a sentence may fall back on, found once per
  // sentence: its first date outside parentheses (a parenthesis dates another
  // event: "(30 avqust 1992-ci il)") and its first money figure.
  void read_sentence_facts(Rewritten& r) const {
    static constexpr std::array<bool, 256> kRead = [] {
      std::array<bool, 256> read{};
      read['('] = read[')'] = read['<'] = true;
      return read;
    }();
    int depth = 0;
    for (size_t i = 0; i < r.text.size(); ++i) {
      while (i < r.text.size() && !kRead[static_cast<unsigned char>(r.text[i])]) ++i;  // skip to the next byte read
      if (i == r.text.size()) break;
      const char c = r.text[i];
      if (c == '(') ++depth;
      if (c == ')' && depth > 0) --depth;
      if (c != '<' || r.text.compare(i, 2, "<<") != 0) continue;
      const std::string_view rest = std::string_view(r.text).substr(i);
      if (r.date.empty() && depth == 0 && rest.substr(0, 7) == "<<DATE:")
        r.date = date_value(std::strtoul(rest.data() + 7, nullptr, 10));
      if (!r.money && rest.substr(0, 9) == "<<FIGURE:") {
        const size_t index = std::strtoul(rest.data() + 9, nullptr, 10);
        if (index < figures_.size() && figures_[index].unit.size() == 3 &&
            std::isupper(static_cast<unsigned char>(figures_[index].unit[0])))
          r.money = index;
      }
    }
  }

  // The date group's date, else the sentence's, else the publication date.
  std::string date_for(std::string_view group, const Rewritten& r) const {
    for (const Placeholder& p : placeholders_in(group))
      if (p.kind == "DATE")
        if (std::string d = date_value(p.index); !d.empty()) return d;
    return r.date.empty() ? published_ : r.date;
  }

  std::optional<size_t> amount_for(std::string_view group, const Rewritten& r, bool from_sentence) const {
    for (const Placeholder& p : placeholders_in(group))
      if (p.kind == "FIGURE") return p.index;
    return from_sentence ? r.money : std::nullopt;
  }

  void add(Triple t) {
    const auto& spec = Vocabulary::builtin().predicates.at(t.predicate);
    if (t.object && *t.object == t.subject) return;
    for (const Triple& old : triples_) {
      const bool same = old.predicate == t.predicate && old.object_literal == t.object_literal &&
                        ((old.subject == t.subject && old.object == t.object) ||
                         (spec.symmetric && t.object && old.object == t.subject && *t.object == old.subject));
      if (same) return;  // one triple per fact per document; the first evidence stays
    }
    triples_.push_back(std::move(t));
  }

  void apply(const RelationRule& rule, const Rewritten& r, size_t sentence) {
    const RE2& re = *rule.pattern;
    const int n = re.NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> m(n);
    const auto& names = re.NamedCapturingGroups();
    auto group = [&](const char* name) -> std::pair<size_t, size_t> {
      auto it = names.find(name);
      if (it == names.end() || m[it->second].data() == nullptr) return {0, 0};
      const size_t a = m[it->second].data() - r.text.data();
      return {a, a + m[it->second].size()};
    };
    auto text_of = [&](std::pair<size_t, size_t> g) { return std::string_view(r.text).substr(g.first, g.second - g.first); };
    size_t pos = 0;
    while (pos < r.text.size() && !stop_requested() &&
           rule.search->match(r.text, pos, r.text.size(), RE2::UNANCHORED, m.data(), n, r.narrow)) {
      const size_t start = m[0].data() - r.text.data();
      const size_t end = start + m[0].size();
      pos = end > start ? end : start + 1;
      // The veto reads the match and what follows it in the sentence, up to
      // kVetoReach bytes: negation and mood follow the verb ("... səfəri
      // planlaşdırılır"); the bound keeps a huge sentence linear.
      const size_t veto_end = std::min(r.text.size(), end + kVetoReach);
      if (rule.unless && RE2::PartialMatch(re2::StringPiece(r.text.data() + start, veto_end - start), *rule.unless))
        continue;
      const auto& spec = Vocabulary::builtin().predicates.at(rule.predicate);
      auto subjects = entities_in(text_of(group("subject")), rule.subject_types);
      std::vector<std::optional<size_t>> objects;
      std::string literal;
      if (spec.literal_object) {
        const auto quote = group("quote");
        if (rule.quote_from != RelationRule::QuoteFrom::Group)
          literal = quote_near(sentence, rule.quote_from);
        else if (quote.second > quote.first)
          literal = quote_of(sentence, r.from(quote.first), r.to(quote.second - 1));
        if (literal.empty()) continue;
        objects.push_back(std::nullopt);
      } else {
        for (size_t o : entities_in(text_of(group("object")), rule.object_types)) objects.push_back(o);
      }
      if (rule.among) {  // every two of the participants, whichever group lists them
        for (const auto& o : objects)
          if (o && std::find(subjects.begin(), subjects.end(), *o) == subjects.end()) subjects.push_back(*o);
        objects.assign(subjects.begin(), subjects.end());
      }
      if (rule.swap) {
        std::vector<std::optional<size_t>> new_objects(subjects.begin(), subjects.end());
        subjects.clear();
        for (const auto& o : objects)
          if (o) subjects.push_back(*o);
        objects = std::move(new_objects);
      }
      const std::string date = date_for(text_of(group("date")), r);
      const auto amount = amount_for(text_of(group("amount")), r, rule.amount_from_sentence);
      const auto role_span = group("role");
      const std::string role =
          role_span.second > role_span.first ? original_of_folded(r.from(role_span.first), r.to(role_span.second - 1)) : "";
      if (rule.in_order && subjects.size() != objects.size()) continue;
      for (size_t si = 0; si < subjects.size(); ++si) {
        const size_t s = subjects[si];
        for (size_t oi = 0; oi < objects.size(); ++oi) {
          if (rule.in_order && oi != si) continue;
          const auto& o = objects[oi];
          Triple t;
          t.subject = s;
          t.predicate = rule.predicate;
          t.object = o;
          t.object_literal = literal;
          t.start = t_.folded.origin[r.from(start)];
          t.end = t_.folded.origin[r.to(end - 1)];
          t.rule = rule.id;
          t.confidence = rule.confidence;
          t.date = date;
          t.amount = amount;
          t.role = role;
          add(std::move(t));
        }
      }
    }
  }

  // Joins the document's triples by the pack's inference rules, to a fixed point.
  void infer() {
    using Binding = std::map<std::string, size_t>;
    for (int round = 0; round < 4; ++round) {
      const size_t before = triples_.size();
      for (const Inference& inf : pack_.inferences) {
        std::vector<Binding> bindings{Binding{}};
        for (const InferencePattern& p : inf.when) {
          std::vector<Binding> next;
          for (const Binding& b : bindings) {
            for (const Triple& t : triples_) {
              if (t.predicate != p.predicate || !t.object) continue;
              Binding nb = b;
              auto bind = [&](const std::string& var, size_t value) {
                auto it = nb.find(var);
                if (it != nb.end()) return it->second == value;
                nb[var] = value;
                return true;
              };
              if (bind(p.subject, t.subject) && bind(p.object, *t.object)) next.push_back(nb);
            }
          }
          bindings = std::move(next);
        }
        for (Binding b : bindings) {
          bool ok = true;
          for (const auto& [var, type] : inf.require) ok = ok && b.count(var) && e_.entities[b[var]].type == type;
          if (!ok) continue;
          std::vector<Binding> expanded;
          if (inf.for_each.empty()) {
            expanded.push_back(b);
          } else {
            for (size_t e = 0; e < e_.entities.size(); ++e) {
              if (e_.entities[e].type != inf.for_each_type) continue;
              const bool bound = std::any_of(triples_.begin(), triples_.end(), [&](const Triple& t) {
                return t.predicate == inf.unless_object_of && t.object == e;
              });
              if (bound) continue;
              Binding nb = b;
              nb[inf.for_each] = e;
              expanded.push_back(nb);
            }
          }
          for (Binding& full : expanded) {
            for (const InferencePattern& p : inf.then) {
              if (!full.count(p.subject) || !full.count(p.object)) continue;
              const auto& spec = Vocabulary::builtin().predicates.at(p.predicate);
              const EntityType st = e_.entities[full[p.subject]].type, ot = e_.entities[full[p.object]].type;
              if (std::find(spec.subject.begin(), spec.subject.end(), st) == spec.subject.end() ||
                  std::find(spec.object.begin(), spec.object.end(), ot) == spec.object.end())
                continue;
              Triple t;
              t.subject = full[p.subject];
              t.predicate = p.predicate;
              t.object = full[p.object];
              t.rule = "infer:" + inf.id;
              t.confidence = inf.confidence;
              // Evidence and date: those of the first triple the inference joined.
              for (const Triple& src : triples_) {
                if (src.predicate == inf.when.front().predicate && src.subject == full[inf.when.front().subject]) {
                  t.start = src.start;
                  t.end = src.end;
                  t.date = src.date;
                  break;
                }
              }
              pending_.push_back(std::move(t));
            }
          }
        }
        for (Triple& t : pending_) add(std::move(t));
        pending_.clear();
      }
      if (triples_.size() == before) break;
    }
  }

  std::string_view original_;
  const AnalyzedText& t_;
  const ResolvedEntities& e_;
  const std::vector<Figure>& figures_;
  const std::vector<DateMention>& dates_;
  const RulePack& pack_;
  std::string published_;
  std::vector<Item> items_;  // placeholders by start
  std::vector<Triple> triples_;
  std::vector<Triple> pending_;
};

}  // namespace

std::vector<Triple> find_relations(std::string_view original, const AnalyzedText& text,
                                   const ResolvedEntities& entities, const std::vector<Figure>& figures,
                                   const std::vector<DateMention>& dates, const RulePack& pack,
                                   const std::string& published) {
  return RelationFinder(original, text, entities, figures, dates, pack, published).run();
}

}  // namespace bilik
