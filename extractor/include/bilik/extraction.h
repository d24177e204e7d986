// The whole extraction of one document: analyse, match, resolve.
//
// Pure: reads the text and the pack, touches no file or database, and is safe
// to call from several threads with one shared pack.
//
//   Extraction x = extract_document(doc.text, pack);
//   for (const Mention& m : x.entities.mentions) ...
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "bilik/coreference.h"
#include "bilik/entity_matcher.h"
#include "bilik/dates.h"
#include "bilik/figures.h"
#include "bilik/relations.h"
#include "bilik/rule_pack.h"

namespace bilik {

struct Extraction {
  ResolvedEntities entities;
  std::vector<Figure> figures;
  std::vector<DateMention> dates;
  std::vector<Triple> triples;
  std::vector<Candidate> candidates;  // every candidate, winners and losers (for explain)
  // The sentences' original byte spans, in order: stored with the document,
  // so the graph reads the sentences extraction used instead of cutting again.
  std::vector<std::pair<uint32_t, uint32_t>> sentences;
  bool stopped = false;               // request_stop() cut it short: partial, store none of it
};

// `published` (ISO 8601, may be empty) anchors relative dates ("ötən il").
Extraction extract_document(std::string_view text, const RulePack& pack, const std::string& published = "");

}  // namespace bilik
