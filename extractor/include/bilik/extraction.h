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
#include "bilik/model.h"
#include "bilik/relations.h"
#include "bilik/rule_pack.h"

namespace bilik {

// `published` (ISO 8601, may be empty) anchors relative dates ("ötən il").
// With `candidates`, every entity candidate, winners and losers, is kept
// there too (for explain).
Extraction extract_document(std::string_view text, const RulePack& pack, const std::string& published = "",
                            std::vector<Candidate>* candidates = nullptr);

}  // namespace bilik
