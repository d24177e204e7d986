#include "bilik/extraction.h"

#include <algorithm>

namespace bilik {

Extraction extract_document(std::string_view text, const RulePack& pack, const std::string& published) {
  Extraction x;
  const AnalyzedText analyzed = analyze(text, pack);
  x.candidates = find_candidates(text, analyzed, pack);
  resolve_overlaps(x.candidates);
  add_document_names(text, analyzed, pack, x.candidates);
  resolve_overlaps(x.candidates);
  x.entities = resolve_entities(text, analyzed, x.candidates, pack);
  x.dates = find_dates(text, analyzed, pack, published);
  // A number inside a date ("21.02.2022", "10-11 may") is not a figure.
  for (const Figure& f : find_figures(text, analyzed, pack)) {
    const bool in_date = std::any_of(x.dates.begin(), x.dates.end(),
                                     [&](const DateMention& d) { return d.start < f.end && f.start < d.end; });
    if (!in_date) x.figures.push_back(f);
  }
  x.triples = find_relations(text, analyzed, x.entities, x.figures, x.dates, pack, published);
  return x;
}

}  // namespace bilik
