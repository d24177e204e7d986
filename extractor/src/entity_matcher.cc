#include "bilik/entity_matcher.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "bilik/gazetteer.h"
#include "bilik/stop.h"
#include "bilik/utf8.h"
#include "name_forms.h"
#include "narrow_alphabet.h"
#include "rule_search.h"
#include "text_span.h"

namespace bilik {
namespace {

// True when fold_key(word) == word; quick for lower-case ASCII and
// Azerbaijani letters.
bool folds_to_itself(std::string_view word) {
  // The lower-case Azerbaijani letters outside ASCII, as UTF-8 byte pairs.
  auto azerbaijani_lower = [](unsigned char a, unsigned char b) {
    switch (a << 8 | b) {
      case 0xC3A7: case 0xC49F: case 0xC4B1: case 0xC3B6: case 0xC59F: case 0xC3BC: case 0xC999:  // ç ğ ı ö ş ü ə
        return true;
      default:
        return false;
    }
  };
  for (size_t i = 0; i < word.size();) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (c >= 'a' && c <= 'z') {
      ++i;
      continue;
    }
    if (i + 1 < word.size() && azerbaijani_lower(c, static_cast<unsigned char>(word[i + 1]))) {
      i += 2;
      continue;
    }
    return fold_key(word) == word;
  }
  return true;
}

class RuleRunner {
 public:
  RuleRunner(std::string_view original, const AnalyzedText& text, const RulePack& pack,
             std::vector<Candidate>& found)
      : original_(original), text_(text), pack_(pack), forms_(text, pack), found_(found) {
    for (size_t i = 0; i < found_.size(); ++i) index(i);
  }

  // Runs every rule over every sentence, in rule order within a sentence.
  // The pack's literal prefilter skips rules whose required words are absent.
  void run_all() {
    const std::string& s = text_.folded.text;
    for (const Sentence& sentence : text_.sentences) {
      if (stop_requested()) return;
      const std::string_view sv = std::string_view(s).substr(sentence.start, sentence.end - sentence.start);
      const bool narrow = sentence.narrow;
      for (int i : pack_.entity_filter.candidates(sv)) run(pack_.entity_rules[i], sentence, narrow);
    }
  }

  // Finds each match's span first (RE2's DFA alone) and its groups only for
  // a span that may yield a name: groups cost RE2 far more than the span.
  // `narrow`: the sentence is in the narrow alphabet.
  void run(const EntityRule& rule, const Sentence& sentence, bool narrow) {
    const RE2& re = *rule.pattern;
    const int groups = re.NumberOfCapturingGroups() + 1;
    auto search = [&](size_t from, size_t to, RE2::Anchor anchor, int n) {
      return rule.search->match(text_.folded.text, from, to, anchor, match_.data(), n, narrow);
    };
    std::vector<re2::StringPiece>& match = match_;
    match.resize(std::max<size_t>(match.size(), groups));
    const std::string& s = text_.folded.text;
    const NameWalk::Source source = rule.walk ? rule.walk->source : NameWalk::Source::Group;
    const bool before = source == NameWalk::Source::BeforeSpaces || source == NameWalk::Source::BeforeCommas;
    const bool after = source == NameWalk::Source::After;
    const RulePack::WordOpenings* leading =
        rule.leading_list.empty() ? nullptr : &pack_.word_list_openings.at(rule.leading_list);
    // A match yielding a name then starts a word (its boundary is checked)
    // with a list word, so the search may skip to the next such word; a walk
    // before the anchor remembers the anchors tried, so it skips none.
    const bool skip_to_list_words = leading && !before;
    // A match yielding a name opens with a capitalised word (or a suffix
    // glued to one) when its capitalised group is the whole match; in text
    // of the narrow alphabet, one opening with a letter or a digit starts a
    // word, so the search goes on from the next such word.
    const bool from_capitalized_words =
        !skip_to_list_words && narrow && !before && !rule.capitalized_whole.empty() && rule.opens_with_word_char;
    size_t pos = sentence.start;
    size_t floor = pos;  // a run before an anchor starts here or later: after the last
                         // name produced, and not before the last anchor tried
    for (;;) {
      if (skip_to_list_words) {
        // Only a match at a list word yields a name: each is tried anchored
        // there, so a failed try reads no further than the pattern can.
        pos = next_word_starting_with(pos, sentence.end, *leading, rule.opens_capitalized ? &*rule.walk : nullptr);
        if (pos >= sentence.end || stop_requested()) break;
        if (!search(pos, sentence.end, RE2::ANCHOR_START, 1)) {
          pos = next_word_start(pos);
          continue;
        }
      } else {
        if (from_capitalized_words) pos = next_capitalized_word(pos, sentence.end);
        if (pos >= sentence.end || stop_requested() || !search(pos, sentence.end, RE2::UNANCHORED, 1)) break;
      }
      const size_t start = match[0].data() - s.data();
      const size_t end = start + match[0].size();
      Span run;
      if (before && adjective_before_name(*rule.walk, start, end)) {  // "Mərkəzi Bankı": "central"
        pos = next_char(start);
        continue;
      }
      if (before) {
        run = run_before(*rule.walk, start, floor);
        floor = std::max(floor, start);
      } else if (after) {
        run = run_after(*rule.walk, end, sentence.end);
      }
      if (!at_boundary(before ? run.start : start, after ? run.end : end) || ((before || after) && !run.valid())) {
        // A match inside a word, or an anchor with no words before it.
        pos = before ? next_char(start) : next_word_start(start);
        continue;
      }
      // Resume after what the rule produced; when its name walk kept
      // nothing, retry from the next word ("direktor müavini Yohan
      // Engvall": the walk after "direktor" fails, "müavini" works).
      size_t produced_end = 0;
      if ((!leading || starts_with_word(start, end, *leading)) &&
          (rule.capitalized_whole.empty() || all_capitalized({start, end})) &&
          (rule.group_is_match ? (match[1] = match[0], true)
                               : search(start, end, RE2::ANCHOR_BOTH, groups)))  // the same span: its groups
        produced_end = apply(rule, match, run);
      pos = produced_end > start ? produced_end : (before ? next_char(start) : next_word_start(start));
      floor = std::max(floor, produced_end);
    }
  }

 private:
  // Whether the letters opening [start, end) may begin with a word of a
  // list (its word_list_openings): false only when no run of them is one.
  bool starts_with_word(size_t start, size_t end, const RulePack::WordOpenings& openings) const {
    const std::string& s = text_.folded.text;
    size_t run_end = start;  // letters end at the first ASCII byte that is not one
    while (run_end < end) {
      const unsigned char c = static_cast<unsigned char>(s[run_end]);
      if (c < 0x80 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) break;
      ++run_end;
    }
    const std::string_view run(s.data() + start, run_end - start);
    if (!folds_to_itself(run)) return true;  // a word's key is not its text: cannot tell
    for (size_t k = 1; k <= run.size(); ++k) {
      if (k < run.size() && (static_cast<unsigned char>(run[k]) & 0xC0) == 0x80) continue;
      const auto it = openings.find(run.substr(0, k));
      if (it == openings.end()) return false;  // no list word goes on from here
      if (it->second & RulePack::kListWord) return true;
    }
    return false;
  }

  // The start of the first word at or after `from` (and before `limit`) that
  // may begin with a word of a list, else `limit`; with `capitalized_walk`,
  // only a word that walk may keep first (see walk_name).
  size_t next_word_starting_with(size_t from, size_t limit, const RulePack::WordOpenings& openings,
                                 const NameWalk* capitalized_walk) const {
    for (size_t w = word_at_or_after(text_.words, from); w < text_.words.size() && text_.words[w].start < limit; ++w) {
      const Word& word = text_.words[w];
      if (capitalized_walk && !word.capitalized && !(capitalized_walk->opener && word.opens_sentence) &&
          !forms_.glued_suffix(w))
        continue;
      if (word.start >= from && starts_with_word(word.start, limit, openings)) return word.start;
    }
    return limit;
  }

  // The start of the first word at or after `from` (and before `limit`) that
  // is capitalised or a suffix glued to one, else `limit`.
  size_t next_capitalized_word(size_t from, size_t limit) const {
    for (size_t w = word_at_or_after(text_.words, from); w < text_.words.size() && text_.words[w].start < limit; ++w)
      if (text_.words[w].start >= from && (text_.words[w].capitalized || forms_.glued_suffix(w))) return text_.words[w].start;
    return limit;
  }

  // The start of the first word after the one holding `pos` (or after `pos`).
  size_t next_word_start(size_t pos) const {
    size_t w = word_at_or_after(text_.words, pos);
    if (w < text_.words.size() && text_.words[w].start <= pos) ++w;
    return w < text_.words.size() ? text_.words[w].start : text_.folded.text.size();
  }

  size_t next_char(size_t pos) const {
    char32_t c;
    const size_t len = decode_utf8(text_.folded.text, pos, c);
    return pos + (len ? len : 1);
  }

  // An anchor that is one of the walk's adjective heads with a capitalised
  // word right after it ("Mərkəzi Bankı", "Mərkəzi Asiya") does not end a
  // name: it modifies the next one.
  bool adjective_before_name(const NameWalk& walk, size_t start, size_t end) const {
    if (walk.adjective_heads.empty()) return false;
    const std::string& s = text_.folded.text;
    if (!walk.adjective_heads.count(s.substr(start, end - start))) return false;
    if (end + 1 >= s.size() || s[end] != ' ') return false;
    const size_t w = word_at_or_after(text_.words, end + 1);
    return w < text_.words.size() && text_.words[w].start == end + 1 && text_.words[w].capitalized;
  }

  // A word as the patterns' {W} sees it: words joined by "-" or "'" are one.
  // The run of up to walk.max such words that ends right before `anchor`
  // (which must follow a space), each joined to the next by spaces (or a
  // comma and spaces), starting at or after `floor`; empty when none.
  Span run_before(const NameWalk& walk, size_t anchor, size_t floor) const {
    const std::string& s = text_.folded.text;
    const bool commas = walk.source == NameWalk::Source::BeforeCommas;
    size_t w = word_at_or_after(text_.words, anchor);
    if (w >= text_.words.size() || text_.words[w].start != anchor) return {};
    size_t gap_end = anchor, first = anchor, taken = 0;
    while (w > 0 && taken < static_cast<size_t>(walk.max)) {
      // The gap before `gap_end`: spaces, after an optional comma.
      size_t g = gap_end;
      while (g > floor && (s[g - 1] == ' ' || s[g - 1] == '\n')) --g;
      if (g == gap_end) break;
      if (commas && g > floor && s[g - 1] == ',') --g;
      // The word ending at g, with any words joined to it by "-" or "'".
      size_t k = w;
      while (k > 0 && text_.words[k - 1].end > g) --k;
      if (k == 0 || text_.words[k - 1].end != g) break;
      size_t begin = k - 1;
      while (begin > 0 && text_.words[begin - 1].end + 1 == text_.words[begin].start &&
             (s[text_.words[begin].start - 1] == '-' || s[text_.words[begin].start - 1] == '\''))
        --begin;
      if (text_.words[begin].start < floor) break;
      first = text_.words[begin].start;
      gap_end = first;
      w = begin;
      ++taken;
    }
    if (taken == 0) return {};
    return {first, anchor};  // as the patterns' (?P<name>(?:{W}{SP}){1,N}?) was: with the spaces
  }

  // The run of up to walk.run words right after `end`: the first after
  // spaces or line breaks, each next one after spaces only; words joined by
  // "-" or "'" count as one. Empty when no word follows so.
  Span run_after(const NameWalk& walk, size_t end, size_t limit) const {
    const std::string& s = text_.folded.text;
    size_t pos = end, first = 0, last = 0;
    for (int taken = 0; taken < walk.run; ++taken) {
      size_t g = pos;
      while (g < limit && (s[g] == ' ' || (taken == 0 && s[g] == '\n'))) ++g;
      if (g == pos) break;
      const size_t w = word_at_or_after(text_.words, g);
      if (w >= text_.words.size() || text_.words[w].start != g || text_.words[w].end > limit) break;
      size_t k = w;
      // An initial and its surname are one word too: "Z.Həsənov".
      auto initial = [&](size_t i) { return text_.words[i].end - text_.words[i].start <= 2; };
      while (k + 1 < text_.words.size() && text_.words[k + 1].start == text_.words[k].end + 1 &&
             text_.words[k + 1].end <= limit &&
             (s[text_.words[k].end] == '-' || s[text_.words[k].end] == '\'' ||
              (s[text_.words[k].end] == '.' && initial(k))))
        ++k;
      if (taken == 0) first = g;
      last = text_.words[k].end;
      pos = last;
    }
    return first < last ? Span{first, last} : Span{};
  }

  bool at_boundary(size_t start, size_t end) const {
    const std::string& s = text_.folded.text;
    if (start > 0) {
      size_t back = start - 1;
      while (back > 0 && (static_cast<unsigned char>(s[back]) & 0xC0) == 0x80) --back;
      char32_t c;
      if (decode_utf8(s, back, c) && is_word_char(c)) return false;
    }
    char32_t c;
    if (end < s.size() && decode_utf8(s, end, c) && is_word_char(c)) return false;
    return true;
  }

  size_t whole_start(const std::vector<re2::StringPiece>& match) const { return match[0].data() - text_.folded.text.data(); }
  size_t whole_end(const std::vector<re2::StringPiece>& match) const { return whole_start(match) + match[0].size(); }

  Span group(const EntityRule& rule, const std::vector<re2::StringPiece>& match, const std::string& name) const {
    const auto& names = rule.pattern->NamedCapturingGroups();
    auto it = names.find(name);
    if (it == names.end() || match[it->second].data() == nullptr) return {};
    const size_t start = match[it->second].data() - text_.folded.text.data();
    return {start, start + match[it->second].size()};
  }

  // Calls `f` on each candidate found so far that overlaps [start, end);
  // stops early when `f` returns true and reports whether it did.
  template <typename F>
  bool any_overlapping(size_t start, size_t end, F f) const {
    const size_t from = start > longest_ ? start - longest_ : 0;
    for (auto it = by_start_.lower_bound(from); it != by_start_.end() && it->first < end; ++it) {
      const Candidate& c = found_[it->second];
      if (c.end > start && f(c)) return true;
    }
    return false;
  }

  void index(size_t i) {
    by_start_.emplace(found_[i].start, i);
    longest_ = std::max(longest_, found_[i].end - found_[i].start);
  }

  bool joins(const NameWalk& walk, const Word& w) const {
    return any_overlapping(w.start, w.end, [&](const Candidate& c) {
      return c.type && c.start <= w.start && w.end <= c.end &&
             std::find(walk.join_types.begin(), walk.join_types.end(), *c.type) != walk.join_types.end();
    });
  }

  bool stopped_by_stem(const NameWalk& walk, const Word& w) const {
    const std::string_view text = std::string_view(text_.folded.text).substr(w.start, w.end - w.start);
    for (const SuffixReading& r : pack_.morphology.readings(text, {.harmony = true, .min_slot = 1, .min_stem_chars = 2}))
      if (walk.stop_stems.contains(text.substr(0, r.stem_bytes))) return true;
    return false;
  }

  bool stopped_by(const NameWalk& walk, const Word& w) const {
    const std::string_view text = std::string_view(text_.folded.text).substr(w.start, w.end - w.start);
    if (walk.stop_words.contains(text)) return true;
    if (!walk.stop_stems.empty() && stopped_by_stem(walk, w)) return true;
    return any_overlapping(w.start, w.end, [&](const Candidate& c) {
      if (!c.type) return false;
      if (std::find(walk.stop_types.begin(), walk.stop_types.end(), *c.type) != walk.stop_types.end()) return true;
      if (c.gram_case != "nominative" &&
          std::find(walk.stop_oblique_types.begin(), walk.stop_oblique_types.end(), *c.type) !=
              walk.stop_oblique_types.end())
        return true;
      return c.gram_case == "genitive" &&
             std::find(walk.stop_genitive_types.begin(), walk.stop_genitive_types.end(), *c.type) !=
                 walk.stop_genitive_types.end();
    });
  }

  bool qualifies(const NameWalk& walk, const Word& w) const {
    switch (walk.words) {
      case NameWalk::Words::Capitalized: return w.capitalized;
      case NameWalk::Words::Lowercase: return (!w.capitalized && !w.opens_sentence) || w.all_caps || w.numeric;
      case NameWalk::Words::Any: return true;
    }
    return true;
  }

  // A sentence's first word that the lexicon knows as a common word still
  // opens a capitalised run it leads ("Müdafiə Nazirliyi", "Ulduz TV") when it
  // stands bare: no case suffix on a known stem ("Layihəni", "Sənədi" are
  // objects, not parts of a name) and not one of the walk's stop words
  // ("Bu", "Həmin").
  bool bare_sentence_opener(const NameWalk& walk, const Word& w) const {
    if (!walk.opener || walk.words != NameWalk::Words::Capitalized || !w.opens_sentence || w.capitalized) return false;
    const std::string_view text = std::string_view(text_.folded.text).substr(w.start, w.end - w.start);
    if (walk.stop_words.contains(text)) return false;
    return bare(w);
  }

  // No suffix on a stem the lexicon knows: "Ticarət", not "Toplantısı".
  bool bare(const Word& w) const {
    const std::string_view text = std::string_view(text_.folded.text).substr(w.start, w.end - w.start);
    for (const SuffixReading& r : pack_.morphology.readings(text, {.harmony = true, .min_slot = 1, .min_stem_chars = 2}))
      if (r.suffixes > 0 && pack_.common_words.contains(text.substr(0, r.stem_bytes))) return false;
    return true;
  }

  // The name in the genitive, of a type the walk joins, that ends at word `w`.
  const Candidate* genitive_name(const NameWalk& walk, const Word& w) const {
    const Candidate* out = nullptr;
    any_overlapping(w.start, w.end, [&](const Candidate& c) {
      if (c.type && c.gram_case == "genitive" && c.end == w.end &&
          std::find(walk.genitive_joins.begin(), walk.genitive_joins.end(), *c.type) != walk.genitive_joins.end()) {
        out = &c;
        return true;
      }
      return false;
    });
    return out;
  }

  // Every word of the span capitalised, but for suffixes glued to one.
  bool all_capitalized(Span span) const {
    auto [first, last] = words_in(text_, span);
    for (size_t i = first; i < last; ++i)
      if (!forms_.glued_suffix(i) && !text_.words[i].capitalized) return false;
    return true;
  }

  // Trims the name group to the words the walk keeps.
  Span walk_name(const NameWalk& walk, Span name) const {
    auto [first, last] = words_in(text_, name);
    if (first >= last) return {};
    std::vector<size_t> kept;  // word indexes, in walk order, suffix words folded into their host
    if (walk.from_end) {
      for (size_t i = last; i-- > first;) {
        if (forms_.glued_suffix(i)) continue;
        const Word& w = text_.words[i];
        if (!kept.empty() && !walk.genitive_joins.empty()) {
          if (const Candidate* g = genitive_name(walk, w)) {  // "Universitetinin yaradılması"
            for (size_t k = i + 1; k-- > first && text_.words[k].start >= g->start;) kept.push_back(k);
            break;
          }
        }
        // "Nəqliyyat və İnfrastruktur Nazirliyi": a conjunction between
        // capitalised words that are no names of their own.
        if (!kept.empty() && i > first && walk.conjunctions.contains(word_text(text_, i)) &&
            qualifies(walk, text_.words[i - 1]) && !stopped_by(walk, text_.words[i - 1]) && bare(text_.words[i - 1]) &&
            !any_overlapping(text_.words[i - 1].start, text_.words[i - 1].end, [](const Candidate& c) { return c.type.has_value(); })) {
          kept.push_back(i);
          continue;
        }
        if (!qualifies(walk, w) || stopped_by(walk, w)) {
          // Right before the anchor or the one word kept: "Müdafiə Nazirliyi", "Ulduz TV-nin".
          if (kept.size() <= 1 && bare_sentence_opener(walk, w)) kept.push_back(i);
          break;
        }
        kept.push_back(i);
      }
    } else {
      for (size_t i = first; i < last; ++i) {
        if (forms_.glued_suffix(i)) continue;
        const Word& w = text_.words[i];
        // A name a word list vouches for may open the sentence ("Əli Mərcan dedi").
        const bool opener_first = walk.opener && i == first && w.opens_sentence && !stopped_by(walk, w);
        if (opener_first) {
          kept.push_back(i);
          continue;
        }
        if (!kept.empty() && qualifies(walk, w) && joins(walk, w)) {  // "Şövkət" + known "Mirziyoyev"
          kept.push_back(i);
          break;
        }
        if (!qualifies(walk, w) || stopped_by(walk, w)) {
          // A capitalised run cut by a stem like "Nazirliyi" was heading into
          // another name: its last words belong to that name, as when the
          // run is too long ("Sultan Kamaletdinov Müdafiə Nazirliyinin").
          if (qualifies(walk, w) && stopped_by_stem(walk, w) && walk.overflow > 0 &&
              static_cast<int>(kept.size()) > walk.overflow)
            kept.resize(walk.overflow);
          break;
        }
        kept.push_back(i);
      }
    }
    if (static_cast<int>(kept.size()) > walk.max)
      kept.resize(walk.overflow > 0 ? walk.overflow : walk.max);
    if (static_cast<int>(kept.size()) < walk.min || kept.empty()) return {};
    size_t lo = *std::min_element(kept.begin(), kept.end());
    size_t hi = *std::max_element(kept.begin(), kept.end());
    while (hi + 1 < last && forms_.glued_suffix(hi + 1)) ++hi;
    return {text_.words[lo].start, text_.words[hi].end};
  }

  std::string fill_template(const EntityRule& rule, const std::vector<re2::StringPiece>& match, Span name,
                            size_t name_end, const std::string& name_tail) const {
    std::string out;
    const std::string& t = rule.name_template;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] != '{') {
        out += t[i];
        continue;
      }
      const size_t close = t.find('}', i);
      const std::string g = t.substr(i + 1, close - i - 1);
      i = close;
      Span span = g == "name" ? Span{name.start, name_end} : group(rule, match, g);
      if (!span.valid()) continue;
      if (std::find(rule.singular_groups.begin(), rule.singular_groups.end(), g) != rule.singular_groups.end()) {
        const std::string folded = text_.folded.text.substr(span.start, span.end - span.start);
        span.end = span.start + forms_.bare_known(folded).size();
        out += fold_key(original_of(original_, text_.folded, span.start, span.end));
      } else {
        out += original_of(original_, text_.folded, span.start, span.end);
        if (g == "name") out += name_tail;
      }
    }
    return display_name(out);
  }

  // Adds the match's candidates; returns the end of the last one, or 0.
  size_t apply(const EntityRule& rule, const std::vector<re2::StringPiece>& match, Span run_before = {}) {
    for (const std::string& g : rule.capitalized_groups)
      if (!all_capitalized(group(rule, match, g))) return 0;
    for (const std::string& g : rule.first_capitalized_groups) {
      auto [first, last] = words_in(text_, group(rule, match, g));
      if (first >= last) return 0;
      // In quotes a capital is the writer's, even at a sentence's start ("“Şərq Xəbər” xəbər verir").
      const Word& w = text_.words[first];
      const bool quoted = w.start > 0 && text_.folded.text[w.start - 1] == '"';
      if (!w.capitalized && !(quoted && w.opens_sentence)) return 0;
    }
    for (const auto& [g, list] : rule.in_list) {
      const Span sp = group(rule, match, g);
      auto it = pack_.word_lists.find(list);
      if (!sp.valid() || it == pack_.word_lists.end() ||
          !it->second.count(fold_key(text_.folded.text.substr(sp.start, sp.end - sp.start))))
        return 0;
    }
    Span name = run_before.valid() ? run_before : group(rule, match, "name");
    if (rule.walk) {
      name = walk_name(*rule.walk, name);
      if (!name.valid()) return 0;
    }
    Span span = rule.span_groups.empty() ? (name.valid() ? name : Span{whole_start(match), whole_end(match)}) : Span{};
    for (const std::string& g : rule.span_groups) {
      const Span part = g == "name" ? name : group(rule, match, g);
      if (!part.valid()) continue;
      if (!span.valid()) span = part;
      span.start = std::min(span.start, part.start);
      span.end = std::max(span.end, part.end);
    }
    if (!span.valid()) return 0;

    std::vector<Span> pieces{span};
    size_t produced_end = 0;
    const size_t span_end = span.end;
    const long long count = forms_.count_of(group(rule, match, rule.count_group));
    bool plural = false;
    for (const std::string& g : rule.singular_groups) {
      const Span kind = group(rule, match, g);
      if (kind.valid()) {
        const std::string folded = text_.folded.text.substr(kind.start, kind.end - kind.start);
        plural = plural || pack_.morphology.has_plural(folded);
      }
    }
    const bool split = rule.split_list && name.valid() && (plural || count > 1 || rule.singular_groups.empty());
    Span tail;
    if (split) {
      pieces = forms_.items(name, count, rule.list_join_ends);
      tail = forms_.shared_tail(rule, pieces);
    }
    for (const Span& piece : pieces) {
      Candidate c;
      c.start = piece.start;
      c.end = piece.end;
      c.type = rule.type;
      c.stage = rule.stage;
      c.priority = rule.priority;
      c.rule = rule.id;
      if (!rule.name_template.empty()) {
        const Span item = split ? piece : name;
        std::string tail_text;
        if (tail.valid()) tail_text = " " + original_of(original_, text_.folded, tail.start, tail.end);
        c.name = fill_template(rule, match, item, item.end, tail_text);
      } else {
        NameForms::Stripped stripped = rule.strip_case ? forms_.strip_case(piece, rule.longest_stem) : NameForms::Stripped{piece.end, 0, "nominative"};
        if (rule.trust_suffix && stripped.weak_end) {
          stripped.stem_end = stripped.weak_end;
          stripped.weak_end = 0;
        }
        c.gram_case = stripped.gram_case;
        c.name = display_name(original_of(original_, text_.folded, piece.start, stripped.stem_end));
        if (stripped.weak_end)
          c.weak_name = display_name(original_of(original_, text_.folded, piece.start, stripped.weak_end));
      }
      if (c.name.empty()) continue;
      produced_end = std::max({produced_end, c.end, span_end});
      found_.push_back(std::move(c));
      index(found_.size() - 1);
    }
    return produced_end;
  }

  std::string_view original_;
  const AnalyzedText& text_;
  const RulePack& pack_;
  const NameForms forms_;
  std::vector<Candidate>& found_;
  std::vector<re2::StringPiece> match_;     // the current match and its groups, reused
  std::multimap<size_t, size_t> by_start_;  // found_ indexes by start
  size_t longest_ = 0;                      // the longest span in found_
};

}  // namespace

AnalyzedText analyze(std::string_view original, const RulePack& pack) {
  AnalyzedText t;
  t.folded = fold_text(original);
  t.words = split_words(t.folded);
  t.sentences = split_sentences(t.folded, t.words, pack.abbreviations);
  for (Sentence& s : t.sentences) s.narrow = in_narrow_alphabet(std::string_view(t.folded.text).substr(s.start, s.end - s.start));
  // A capital that only opens a sentence does not make a name: the first word
  // counts as capitalised unless it is a common word, in the lexicon or in
  // lower case elsewhere in this text ("Layihəni", "Tərəflər", "Yeni"), or
  // its stem is. The lexicon answers first; the forms it does not know are
  // looked for among the text's lower-case words in one pass.
  struct Opening {
    uint32_t word;
    std::vector<std::string_view> forms;  // the word and its stems the lexicon does not know
  };
  std::vector<Opening> openings;
  std::unordered_set<std::string_view> asked;
  for (const Sentence& s : t.sentences) {
    const Word& first = t.words[s.first_word];
    if (!first.capitalized || first.all_caps) continue;
    const std::string_view w = word_text(t, s.first_word);
    Opening opening{s.first_word, {}};
    bool known = pack.common_words.contains(w);
    if (!known) {
      opening.forms.push_back(w);
      for (const SuffixReading& r : pack.morphology.readings(w, {.harmony = true, .min_slot = 1, .min_stem_chars = 2})) {
        if (r.stem_bytes >= w.size()) continue;
        const std::string_view stem = w.substr(0, r.stem_bytes);
        if ((known = pack.common_words.contains(stem))) break;
        opening.forms.push_back(stem);
      }
    }
    if (known) opening.forms.clear();
    else asked.insert(opening.forms.begin(), opening.forms.end());
    openings.push_back(std::move(opening));
  }
  // Only words standing alone in prose count, not parts of addresses
  // ("...kassym-jomart-tokayev-and-president...").
  auto in_prose = [&](const Word& w) {
    const char before = w.start > 0 ? t.folded.text[w.start - 1] : ' ';
    const char after = w.end < t.folded.text.size() ? t.folded.text[w.end] : ' ';
    return std::string_view(" \n\"(").find(before) != std::string_view::npos &&
           std::string_view(" \n,.;:!?\")").find(after) != std::string_view::npos;
  };
  // The asked forms' lengths and first bytes, to pass over most words unhashed.
  std::vector<bool> asked_shape(64 * 256);
  auto shape = [](std::string_view w) { return std::min<size_t>(w.size(), 63) * 256 + static_cast<unsigned char>(w[0]); };
  for (std::string_view form : asked) asked_shape[shape(form)] = true;
  std::unordered_set<std::string_view> lower_here;
  if (!asked.empty())
    for (size_t i = 0; i < t.words.size(); ++i) {
      const Word& w = t.words[i];
      if (w.capitalized || !asked_shape[shape(word_text(t, i))] || !in_prose(w)) continue;
      if (asked.count(word_text(t, i))) lower_here.insert(word_text(t, i));
    }
  for (const Opening& opening : openings) {
    const bool common = opening.forms.empty() ||
                        std::any_of(opening.forms.begin(), opening.forms.end(),
                                    [&](std::string_view form) { return lower_here.count(form) > 0; });
    if (common) {
      t.words[opening.word].capitalized = false;
      t.words[opening.word].opens_sentence = true;
    }
  }
  return t;
}

std::vector<Candidate> find_candidates(std::string_view original, const AnalyzedText& text, const RulePack& pack) {
  std::vector<Candidate> found;
  for (const GazetteerMatch& m : pack.gazetteer.scan(text.folded, text.words, pack.morphology, &pack.common_words)) {
    const GazetteerEntry& entry = pack.gazetteer.entry(m.entry);
    Candidate c;
    c.start = m.start;
    c.end = m.end;
    c.type = entry.type;
    c.stage = 0;
    c.priority = 100;
    c.rule = pack.gazetteer.rule(entry);
    c.name = display_name(original_of(original, text.folded, m.start, m.stem_end));
    c.gram_case = m.gram_case;
    c.gazetteer_entry = static_cast<int32_t>(m.entry);
    found.push_back(std::move(c));
  }
  RuleRunner runner(original, text, pack, found);
  runner.run_all();
  return found;
}

void resolve_overlaps(std::vector<Candidate>& candidates) {
  std::vector<size_t> order(candidates.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Candidate& x = candidates[a];
    const Candidate& y = candidates[b];
    if (x.end - x.start != y.end - y.start) return x.end - x.start > y.end - y.start;
    if (x.priority != y.priority) return x.priority > y.priority;
    return x.start < y.start;
  });
  // Winners never overlap, so those clashing with a span are neighbours by
  // start; the verdict names the one accepted first.
  std::map<size_t, std::pair<size_t, size_t>> winners;  // start -> (acceptance rank, candidate)
  size_t steps = 0;
  for (size_t i : order) {
    if ((++steps & 0xFFF) == 0 && stop_requested()) return;  // the caller drops a stopped extraction
    Candidate& c = candidates[i];
    const std::pair<size_t, size_t>* clash = nullptr;
    for (auto it = winners.lower_bound(c.end); it != winners.begin();) {
      --it;
      if (candidates[it->second.second].end <= c.start) break;
      if (!clash || it->second.first < clash->first) clash = &it->second;
    }
    if (!clash) {
      c.accepted = true;
      winners.emplace(c.start, std::make_pair(winners.size(), i));
    } else {
      const Candidate& w = candidates[clash->second];
      c.verdict = "overlaps '" + w.name + "' (" + w.rule + "), which is longer or has higher priority";
    }
  }
  if (stop_requested()) return;
  // Back in text order: the order is sorted, then each candidate moved once.
  auto by_start = [&](size_t a, size_t b) { return candidates[a].start < candidates[b].start; };
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (std::is_sorted(order.begin(), order.end(), by_start)) return;
  std::stable_sort(order.begin(), order.end(), by_start);
  std::vector<Candidate> sorted;
  sorted.reserve(candidates.size());
  for (size_t i : order) sorted.push_back(std::move(candidates[i]));
  candidates = std::move(sorted);
}

}  // namespace bilik

namespace bilik {

void add_document_names(std::string_view original, const AnalyzedText& text, const RulePack& pack,
                        std::vector<Candidate>& candidates) {
  Gazetteer known;
  std::vector<std::string> keys;  // each accepted name's, and a person's surname, added at once
  std::vector<uint32_t> entries;
  for (const Candidate& c : candidates) {
    if (!c.accepted || !c.type || c.gazetteer_entry >= 0 || *c.type == EntityType::Treaty) continue;
    entries.push_back(known.add_entry(c.name, *c.type, "document"));
    keys.push_back(fold_key(c.name));
    const size_t space = keys.back().rfind(' ');
    if (*c.type == EntityType::Person && space != std::string::npos) {
      entries.push_back(known.add_entry(c.name, *c.type, "document"));
      keys.push_back(fold_key(std::string_view(keys.back()).substr(space + 1)));
    }
  }
  known.add_keys(keys, entries);
  if (known.entries() == 0) return;
  std::map<size_t, size_t> accepted;  // start -> end; accepted spans never overlap
  for (const Candidate& c : candidates)
    if (c.accepted) accepted.emplace(c.start, c.end);
  for (const GazetteerMatch& m : known.scan(text.folded, text.words, pack.morphology)) {
    auto holder = accepted.upper_bound(m.start);
    if (holder != accepted.begin() && std::prev(holder)->second >= m.end) continue;
    Candidate c;
    c.start = m.start;
    c.end = m.end;
    c.type = known.entry(m.entry).type;
    c.stage = 0;
    c.priority = 90;
    c.rule = "document-name";
    c.name = display_name(original_of(original, text.folded, m.start, m.stem_end));
    c.gram_case = m.gram_case;
    candidates.push_back(std::move(c));
  }
  for (Candidate& c : candidates) {
    c.accepted = false;
    c.verdict.clear();
  }
}

}  // namespace bilik
