// Relations: typed triples from sentences whose names, figures and dates are
// already known.
//
// Each sentence is rewritten with typed placeholders, <<PERSON:3:genitive>>,
// <<STATE:1:dative>>, <<FIGURE:0:USD>>, <<DATE:2>>, so one RE2 rule covers
// every name: "{PER_GEN} {STATE_DAT} rəsmi səfəri". A rule's `subject` and
// `object` groups may hold lists ("X və Y"): every placeholder of an allowed
// type in them is taken, so "Tokayev və Ərdoğan ... imzalayıblar" gives two
// triples. Qualifiers: `date` (a DATE in the rule's date group, else the
// sentence's first date, else the publication date), `amount` (a FIGURE in
// the amount group, or the sentence's first money figure when the rule asks),
// `role` (text of the role group), and the quote text for literal objects:
// the first sentence of the quote, reaching back to its opening quotation
// mark when the quote began in an earlier sentence of the paragraph, or, for
// rules with "quote_from": "before"/"after", the first sentence of the
// paragraph before or after the attribution.
// Predicates and their types come from schema/predicates.json and are checked
// when the pack loads. Inference rules then join a document's triples
// ("a signatory's state is party to what he signed").
//
//   std::vector<Triple> t = find_relations(original, analyzed, entities, figures, dates, pack, published);
#pragma once

#include <re2/re2.h>

#include <array>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bilik/entity_type.h"
#include "bilik/model.h"
#include "bilik/result.h"
#include "bilik/vocabulary.h"

namespace bilik {

struct AnalyzedText;
class RuleSearch;
struct RulePack;
struct ResolvedEntities;
struct Figure;
struct DateMention;

struct RelationExample {
  std::string text;
  std::vector<std::array<std::string, 3>> triples;  // subject name, predicate, object name (or quote words)
};

struct RelationRule {
  std::string id, file, predicate;
  int filter_id = 0;  // this rule's pattern in the pack's filter for its window
  std::shared_ptr<const RE2> pattern;
  std::shared_ptr<const RuleSearch> search;  // searches for `pattern` faster (rule_search.h)
  // A match is dropped when this finds something in it or in the 160 bytes
  // after it in its sentence ("dəvəti ilə" inside a visit, "planlaşdırılır"
  // after it).
  std::shared_ptr<const RE2> unless;
  std::vector<EntityType> subject_types, object_types;  // defaults: the vocabulary's
  bool swap = false;                                    // subject group holds the object
  bool among = false;
  bool in_order = false;  // lists pair in order: the first subject with the first object, ... (equal lengths only)
  // Sentences the rule reads at once: 1, or 2 for what spans a line break
  // (a byline's name on one line and "AZƏRTAC-ın müxbiri" on the next).
  int window = 1;  // symmetric: the subject group lists everyone, and every two of them are related
  bool amount_from_sentence = false;
  // Where a literal object (a quote) comes from: the rule's quote group, or
  // the first sentence of the paragraph before the matched sentence ("Bunu
  // X deyib" after the quote) or after it ("X bildirib:" before the quote).
  enum class QuoteFrom { Group, Before, After } quote_from = QuoteFrom::Group;
  double confidence = 0.9;
  std::vector<RelationExample> examples;
  std::vector<std::string> counter_examples;
};

struct InferencePattern {
  std::string subject, predicate, object;  // variables start with '?'
};

struct Inference {
  std::string id, file;
  std::vector<InferencePattern> when;
  std::map<std::string, EntityType> require;  // variable → type
  std::string for_each;                       // a variable ranging over the document's entities
  EntityType for_each_type = EntityType::Treaty;
  std::string unless_object_of;               // skip for_each entities already the object of this predicate
  std::vector<InferencePattern> then;
  double confidence = 0.6;
};

std::vector<Triple> find_relations(std::string_view original, const AnalyzedText& text,
                                   const ResolvedEntities& entities, const std::vector<Figure>& figures,
                                   const std::vector<DateMention>& dates, const RulePack& pack,
                                   const std::string& published);

}  // namespace bilik
