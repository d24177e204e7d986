// Private to the extractor: how a span a rule matched becomes a name. Case
// suffixes come off its last word (strip_case), a list splits into items at
// commas and "və" (items, shared_tail), a count word says how many
// (count_of), and a kind noun is read bare (bare_known). Reads only the
// analysed text and the pack; the rule runner (entity_matcher.cc) decides
// where names are.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bilik/entity_matcher.h"
#include "bilik/rule_pack.h"
#include "text_span.h"

namespace bilik {

class NameForms {
 public:
  NameForms(const AnalyzedText& text, const RulePack& pack) : text_(text), pack_(pack) {}

  // A name's stem end once its last word's case suffixes are off.
  struct Stripped {
    size_t stem_end = 0;
    size_t weak_end = 0;  // 0: no weak alternative
    std::string gram_case = "nominative";
  };
  // The shortest stem a strong suffix reading leaves; a weak reading only
  // offers weak_end. `longest_stem` (names of people) keeps the longest.
  Stripped strip_case(Span span, bool longest_stem = false) const;
  // Word i is a case suffix glued to the word before it ("ABŞ-ın").
  bool glued_suffix(size_t i) const;
  // Splits a list of names at commas and "və"; with a count, into that many.
  // An item ending in one of `join_ends` belongs to the item before it.
  std::vector<Span> items(Span name, long long count, const std::vector<std::vector<std::string>>& join_ends = {}) const;
  // "A və B sahəsində ...": the last item's tail from a tail word on is cut
  // from it and shared by every item; returns the tail.
  Span shared_tail(const EntityRule& rule, std::vector<Span>& pieces) const;
  // The number a span spells ("iki", "3"); 0 when none.
  long long count_of(Span s) const;
  // The bare noun the lexicon knows: "memorandumdan" → "memorandum".
  std::string bare_known(const std::string& word) const;

 private:
  const SuffixReading* surname_reading(std::string_view word, const std::vector<SuffixReading>& readings) const;

  const AnalyzedText& text_;
  const RulePack& pack_;
  mutable std::vector<int8_t> glued_suffix_;  // by word: -1 not read yet, else glued_suffix's answer
};

}  // namespace bilik
