#include "bilik/extraction.h"

#include <algorithm>

#include "bilik/identity_scope.h"
#include "bilik/stop.h"

namespace bilik {

Extraction extract_document(std::string_view text, const RulePack& pack, const std::string& published,
                            std::vector<Candidate>* kept) {
  Extraction x;
  std::vector<Candidate> candidates;
  const AnalyzedText analyzed = analyze(text, pack);
  if ((x.stopped = stop_requested())) return x;
  for (const Sentence& s : analyzed.sentences)
    x.sentences.emplace_back(static_cast<uint32_t>(analyzed.folded.origin[s.start]),
                             static_cast<uint32_t>(analyzed.folded.origin[s.end]));
  candidates = find_candidates(text, analyzed, pack);
  if ((x.stopped = stop_requested())) return x;
  resolve_overlaps(candidates);
  add_document_names(text, analyzed, pack, candidates);
  resolve_overlaps(candidates);
  x.entities = resolve_entities(text, analyzed, candidates, pack);
  if (kept) *kept = candidates;
  if ((x.stopped = stop_requested())) return x;
  x.dates = find_dates(text, analyzed, pack, published);
  // A number inside a date ("21.02.2022", "10-11 may") is not a figure. Dates
  // do not overlap one another, so the one starting last before a figure's
  // end is the only one that can hold it.
  std::vector<const DateMention*> by_start;
  for (const DateMention& d : x.dates) by_start.push_back(&d);
  std::sort(by_start.begin(), by_start.end(), [](const auto* a, const auto* b) { return a->start < b->start; });
  for (const Figure& f : find_figures(text, analyzed, pack)) {
    auto after = std::lower_bound(by_start.begin(), by_start.end(), f.end,
                                  [](const DateMention* d, size_t end) { return d->start < end; });
    const bool in_date = after != by_start.begin() && f.start < (*std::prev(after))->end;
    if (!in_date) x.figures.push_back(f);
  }
  if ((x.stopped = stop_requested())) return x;
  x.triples = find_relations(text, analyzed, x.entities, x.figures, x.dates, pack, published);
  settle_identity(x, text, pack);
  x.stopped = stop_requested();
  return x;
}

}  // namespace bilik
