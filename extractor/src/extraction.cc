#include "bilik/extraction.h"

namespace bilik {

Extraction extract_document(std::string_view text, const RulePack& pack) {
  Extraction x;
  const AnalyzedText analyzed = analyze(text, pack);
  x.candidates = find_candidates(text, analyzed, pack);
  resolve_overlaps(x.candidates);
  x.entities = resolve_entities(text, analyzed, x.candidates, pack);
  x.figures = find_figures(text, analyzed, pack);
  return x;
}

}  // namespace bilik
