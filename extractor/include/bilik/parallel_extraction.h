// Extracting many documents on several threads, results in input order.
//
// The pack is shared read-only (RE2, the gazetteer and the morphology are
// safe to share); each document is extracted by exactly one thread, so the
// results, and a store written from them in order, are the same whatever the
// number of threads.
//
//   std::vector<Extraction> out = extract_in_parallel(docs, pack, 2);
#pragma once

#include <vector>

#include "bilik/document.h"
#include "bilik/extraction.h"

namespace bilik {

std::vector<Extraction> extract_in_parallel(const std::vector<const Document*>& documents, const RulePack& pack,
                                            unsigned jobs);

}  // namespace bilik
