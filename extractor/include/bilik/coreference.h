// One entity per referent within a document.
//
// Accepted candidates become mentions of document entities: names from one
// gazetteer entry are one entity; a surname alone joins the one full name in
// the document that ends with it ("Tokayev" → "Qasım-Jomart Tokayev"); two
// full names with the same surname and nearly the same first name are one
// person ("Qasım"/"Kasım"); an organisation name that ends another one of the
// same document joins it ("Müdafiə Nazirliyi" → "Qazaxıstan Müdafiə
// Nazirliyi"); an acronym in brackets after a name is that name. A name read
// with a weak suffix cut ("Tokayevin") keeps the cut only when the document
// or a gazetteer knows the bare form. The canonical name is the gazetteer's,
// else the longest name used.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bilik/entity_matcher.h"
#include "bilik/entity_type.h"
#include "bilik/model.h"

namespace bilik {

ResolvedEntities resolve_entities(std::string_view original, const AnalyzedText& text,
                                  std::vector<Candidate>& candidates, const RulePack& pack);

}  // namespace bilik
