// Finding entity names in one text: gazetteer matches and pattern rules,
// then one winner wherever candidates overlap.
//
// Stages run in order: the gazetteer (stage 0), then each rule stage. A
// rule's `name` walk may stop at names an earlier stage found, which is how
// "general Ruslan Jaksylykov Türkiyə Silahlı Qüvvələrinin ... Mərkəzi" splits
// into a person and an organization. Overlaps are resolved by span length,
// then priority, then position; every losing candidate keeps its verdict so
// `bilik explain` can show why it lost. IGNORE rules win spans that must not
// yield names (a state named only in a currency: "ABŞ dolları").
//
//   AnalyzedText text = analyze(original, pack);
//   std::vector<Candidate> found = find_candidates(original, text, pack);
//   resolve_overlaps(found);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bilik/entity_type.h"
#include "bilik/folded_text.h"
#include "bilik/rule_pack.h"
#include "bilik/segmenter.h"

namespace bilik {

struct AnalyzedText {
  FoldedText folded;
  std::vector<Word> words;
  std::vector<Sentence> sentences;
};

AnalyzedText analyze(std::string_view original, const RulePack& pack);

struct Candidate {
  size_t start = 0, end = 0;         // folded span, suffixes included
  std::optional<EntityType> type;    // none: hidden by an IGNORE rule
  int stage = 0, priority = 0;
  std::string rule;                  // rule id, or "gazetteer:<file>"
  std::string name;                  // bare nominative, as written
  std::string weak_name;             // the name if a weak suffix is cut ("Tokayevin" → "Tokayev")
  std::string gram_case = "nominative";
  int32_t gazetteer_entry = -1;
  bool accepted = false;
  std::string verdict;               // why it lost, for explain
};

std::vector<Candidate> find_candidates(std::string_view original, const AnalyzedText& text, const RulePack& pack);

// Marks the winners `accepted`, in text order; losers get a verdict.
void resolve_overlaps(std::vector<Candidate>& candidates);

// A name a rule found once is known for the rest of the document: the
// winners' names (and a person's surname) become a document gazetteer, and a
// second scan adds their other mentions ("Hulusi Akar" with no title before
// it). Call after resolve_overlaps, then resolve again.
void add_document_names(std::string_view original, const AnalyzedText& text, const RulePack& pack,
                        std::vector<Candidate>& candidates);

}  // namespace bilik
