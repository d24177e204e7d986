// The language pack: everything language-specific, loaded from one folder.
//
// A pack folder (data/az/) holds pack.json, which names the morphology file,
// the gazetteers (TSV, in priority order), the pattern files (JSON with RE2
// rules) and the abbreviations that do not end sentences. Pattern files may
// `define` named sub-patterns, used as {NAME} in any rule of the pack.
// Loading validates everything: a malformed file, an unknown field value or
// an RE2 pattern that does not compile fails the whole load with the file,
// the rule id and RE2's message, so nothing is extracted with a broken pack.
// `hash` fingerprints every file of the pack, so stores can tell which
// documents were extracted with other rules.
//
//   Result<RulePack> pack = load_rule_pack("data/az");
//   if (!pack) return fail(pack.error());
#pragma once

#include <re2/re2.h>
#include <re2/filtered_re2.h>

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "bilik/atom_scanner.h"
#include "bilik/dates.h"
#include "bilik/entity_type.h"
#include "bilik/figures.h"
#include "bilik/gazetteer.h"
#include "bilik/morphology.h"
#include "bilik/opening_bytes.h"
#include "bilik/relations.h"
#include "bilik/result.h"
#include "bilik/word_set.h"

namespace bilik {

class RuleSearch;  // private to the extractor

// How the words of the `name` group are trimmed: walking from its end (or
// start) while words qualify, stopping at stop words and at names an earlier
// stage found.
struct NameWalk {
  enum class Words { Capitalized, Lowercase, Any };
  // Where the words come from: the (?P<name>) group, the run of up to `run`
  // words right before the match, joined by spaces (or by commas and
  // spaces), or the run right after it (the first word after spaces or a
  // line break, the others after spaces). A run is found in code, so the
  // pattern is only its anchor ("şirkəti", "prezidenti"), which RE2 finds
  // far faster than a run of words.
  enum class Source { Group, BeforeSpaces, BeforeCommas, After };
  Source source = Source::Group;
  int run = 8;  // the most words a run before or after takes (default: max)
  bool from_end = true;
  Words words = Words::Capitalized;
  int min = 1, max = 8;
  int overflow = 0;  // when more than `max` words qualify, keep this many (0: keep max)
  // A walk from the end may take a sentence's first word that the lexicon
  // knows ("Müdafiə") when it stands bare right before the one word kept
  // ("Müdafiə Nazirliyi").
  bool opener = false;
  // A name in the genitive of one of these types joins a lower-case walk and
  // ends it: "Türkiyə-Azərbaycan Universitetinin yaradılması barədə".
  std::vector<EntityType> genitive_joins;
  // Lower-case words kept between capitalised words of one name ("və").
  WordSet conjunctions;
  // Anchors that modify a capitalised word right after them ("mərkəzi").
  WordSet adjective_heads;
  std::vector<EntityType> stop_types;
  std::vector<EntityType> join_types;           // after a kept word, such a name is taken in, then the walk stops
  std::vector<EntityType> stop_genitive_types;  // stop only where such a name is in the genitive
  std::vector<EntityType> stop_oblique_types;   // stop where such a name is in any case but the nominative
  WordSet stop_words;
  WordSet stop_stems;  // stop at a word whose stem is one of these
};

struct RuleExample {
  std::string text;
  std::string name;  // the entity name the rule must produce
};

struct EntityRule {
  std::string id, file;
  int filter_id = 0;  // this rule's pattern in the pack's filter
  std::optional<EntityType> type;  // none: an IGNORE rule, whose span hides other names
  int stage = 2;
  int priority = 50;
  std::shared_ptr<const RE2> pattern;
  std::shared_ptr<const RuleSearch> search;  // searches for `pattern` faster (rule_search.h)
  std::optional<NameWalk> walk;
  std::vector<std::string> span_groups;         // empty: the name group, else the whole match
  std::vector<std::string> capitalized_groups;  // every word capitalised
  std::vector<std::string> first_capitalized_groups;
  bool strip_case = true;
  bool trust_suffix = false;
  bool longest_stem = false;  // of two case readings keep the longer stem (names of people)  // the name ends in a common noun ("Mərkəzi"): cut even weak case suffixes
  std::string name_template;  // "{name} {conn} {kind}"; empty: the span's text
  std::vector<std::string> singular_groups;
  bool split_list = false;           // a list of names: one entity per item
  std::string count_group;           // "iki ... protokol": split into that many
  WordSet list_tail_words;  // "sahəsində": the last item's tail is shared by all
  // An item ending in these words belongs to the item before it: "ikiqat
  // vergitutmanın aradan qaldırılması və vergidən yayınmanın qarşısının
  // alınması" is one agreement's subject.
  std::vector<std::vector<std::string>> list_join_ends;
  // group -> word list (pack.json "word_lists"): the group's text, folded,
  // must be in that list ("given": "given_names" for "Hulusi Akar").
  std::map<std::string, std::string> in_list;
  // The word list of an in_list group that opens every match as a run of
  // letters ("(?P<given>\p{L}+)"), else empty: a match passes in_list only
  // if its text starts with a word of that list, which is checked before
  // RE2 is asked for the groups.
  std::string leading_list;
  // The capitalized group that is the whole pattern ("(?P<name>...)"), so
  // spans the whole match, else empty: checked before RE2 computes groups.
  std::string capitalized_whole;
  // Every match opens with a letter or a digit (entity_rules.h): in text of
  // the narrow alphabet, one that may yield a name starts a word there.
  bool opens_with_word_char = false;
  // The pattern is one group and nothing else ("(?P<name>...)"): the group's
  // span is the match's, and RE2 need not compute it.
  bool group_is_match = false;
  // The name group is the whole pattern and its walk keeps capitalised
  // words from the start: a match yields a name only where it opens with a
  // capitalised word (or, for an opener walk, a sentence's first word).
  bool opens_capitalized = false;
  std::vector<RuleExample> examples;
  std::vector<std::string> counter_examples;
};

struct RulePack {
  std::string dir;
  std::string hash;
  Morphology morphology;
  Gazetteer gazetteer;
  std::vector<EntityRule> entity_rules;  // by stage, then file order
  // A literal prefilter over a list of rules (RE2's FilteredRE2): the rules
  // that can match a text are those whose required words it contains.
  struct RuleFilter {
    std::shared_ptr<re2::FilteredRE2> filter;  // owns the rules' compiled patterns
    std::vector<std::string> atoms;
    std::shared_ptr<const AtomScanner> scanner;  // finds every atom in one pass
    std::vector<int> rule_of_id;               // filter id → index in the sorted rules
    size_t longest_atom = 0;
    bool unfiltered = false;  // some rule has no atom: every text may match it
    // The rules no atom of two bytes guards may still need a shorter one that
    // plain prose lacks (a "-"): a second filter of those rules alone, with
    // atoms of one byte, appended to `atoms` from first_atom on, so one pass
    // finds both kinds.
    struct ShortGuard {
      std::shared_ptr<re2::FilteredRE2> filter;
      std::vector<int> rule_of_id;  // its filter id → index in the sorted rules
      std::vector<int> guarded;     // the rules it may drop, ascending
      int first_atom = 0;
    };
    std::shared_ptr<const ShortGuard> short_guard;  // null: every such rule runs on every text
    // Indices of the rules that may match `text` (folded), ascending.
    std::vector<int> candidates(std::string_view text) const { return rules_for(atoms_in(text)); }
    // The atoms `text` holds (indexes in `atoms`), and the rules a set of
    // atoms lets through: atoms found in the parts of a text (and across
    // their joins) pick the rules the whole text would.
    std::vector<int> atoms_in(std::string_view text) const;
    std::vector<int> rules_for(const std::vector<int>& found_atoms) const;
  };
  RuleFilter entity_filter;
  RuleFilter relation_filters[2];  // the relation rules reading one sentence, and two
  // Both relation filters' atoms in one automaton (the first filter's
  // first), so a sentence is read once for both; null when neither has any.
  std::shared_ptr<const AtomScanner> relation_atoms;
  // The atoms `text` holds for relation_filters[0] and [1], as each one's
  // atoms_in gives them.
  std::array<std::vector<int>, 2> relation_atoms_in(std::string_view text) const;
  WordSet abbreviations;
  WordSet common_words;  // lower-case words: no name starts a sentence with them
  std::map<std::string, long long> number_words;
  // Named word lists (pack.json "word_lists"), folded: given names, ...
  std::map<std::string, WordSet> word_lists;
  // Each list's words and their proper prefixes (cut between characters),
  // looked up by string_view: a test for a list word opening a text reads
  // one prefix after another and stops at the first that no word goes on from.
  static constexpr uint8_t kListWord = 1, kListWordGoesOn = 2;
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using WordOpenings = std::unordered_map<std::string, uint8_t, ViewHash, std::equal_to<>>;
  std::map<std::string, WordOpenings> word_list_openings;
  // Words that end a treaty's subject ("sahəsində", "haqqında"): two treaties
  // of one document with the same subject are one treaty.
  WordSet treaty_subject_ends;
  // "türkiyəli" → "Türkiyə": relation rules read a demonym as its state
  // where the next word starts with one of demonym_heads ("həmkar").
  std::unordered_map<std::string, std::string, WordHash, std::equal_to<>> demonyms;  // folded demonym → folded state name
  std::vector<std::string> demonym_heads;                 // folded, none empty
  OpeningBytes demonym_head_openings;                     // of demonym_heads
  // Bodies every state has ("Xarici İşlər Nazirliyi"), and the last words
  // that make any name such a body unless it names its state ("... Nazirliyi"):
  // their names identify nothing across documents (identity_scope.h). Folded.
  WordSet state_bodies;
  WordSet state_body_heads;
  // Word beginnings that name a kind of paper ("memorandum", "anlaşma"): a
  // treaty named only by them ("Anlaşma Memorandumu") is known by its kind,
  // not its title (identity_scope.h). Folded.
  std::vector<std::string> treaty_kind_words;
  FigureGrammar figures;
  DateGrammar dates;
  std::vector<RelationRule> relation_rules;
  std::vector<Inference> inferences;  // "iki" → 2, for counts in rules
};

Result<RulePack> load_rule_pack(const std::string& dir);

// The bundled pack: $BILIK_DATA, then next to an installed binary, then the
// source tree the binary was built from.
std::string default_pack_dir(const std::string& argv0, const std::string& language = "az");

}  // namespace bilik
