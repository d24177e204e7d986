// libFuzzer target: the whole extraction of one document (entities, figures,
// dates, relations) with the bundled pack; every span must lie in the text.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "bilik/extraction.h"
#include "bilik/reader.h"
#include "bilik/rule_pack.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bilik::RulePack pack = [] {
    auto p = bilik::load_rule_pack(BILIK_FUZZ_PACK);
    if (!p) std::abort();
    return std::move(*p);
  }();
  auto doc = bilik::parse_document("fuzz.txt", std::string(reinterpret_cast<const char*>(data), size));
  if (!doc) return 0;
  const bilik::Extraction x = bilik::extract_document(doc->text, pack, "2022-05-16");
  const size_t n = doc->text.size();
  for (const bilik::Mention& m : x.entities.mentions)
    if (m.end < m.start || m.end > n || m.entity >= x.entities.entities.size()) std::abort();
  for (const bilik::Figure& f : x.figures)
    if (f.end < f.start || f.end > n || f.value_text.empty()) std::abort();
  for (const bilik::DateMention& d : x.dates)
    if (d.end < d.start || d.end > n) std::abort();
  for (const bilik::Triple& t : x.triples)
    if (t.subject >= x.entities.entities.size() || (t.object && *t.object >= x.entities.entities.size())) std::abort();
  return 0;
}
