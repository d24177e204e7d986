// Private to the graph module: what makes a statement inferred. The
// relation matcher names a triple that an inference rule derived from other
// triples "infer:<rule id>" (extractor/src/relations.cc,
// docs/relations.md); every other triple was stated by the text. Exports,
// filters and queries all ask this one question, this one way.
#pragma once

#include <string>

namespace bilik {

// An SQL condition true for an inferred triple, given its rule column.
inline std::string inferred_sql(const std::string& rule_column) { return "(" + rule_column + " LIKE 'infer:%')"; }

}  // namespace bilik
