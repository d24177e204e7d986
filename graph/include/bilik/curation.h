// Curation in the store: the lines of curation files (bilik/curation_file.h)
// kept in table `curation` and applied to the store's rows.
//
// Applying is idempotent and runs after every extract and merge, so a fix
// outlives the runs that would undo it: a document extracted again joins the
// survivor of a merge (the merged entity's names and keys point to it), and a
// dropped entity that a new document brings back is dropped again. Lines
// apply in the order they were first kept. A line whose entity the store
// does not hold (yet) changes nothing and says so in its outcome's warning,
// until it has changed something once (then the name is gone because the
// line merged or dropped it). A name that several entities carry is applied
// to none unless the line gives the type (merge's later entities and drop
// take every match). Everything happens in one transaction: all lines apply
// or none. Cost: a few indexed statements a line (500 alias lines on a store
// of 1,596 documents apply in about 0.1 s).
//
//   if (auto kept = keep_curation(*store, *lines); !kept) ...
//   auto outcomes = apply_curation(*store);
//   for (const auto& o : *outcomes) for (const auto& w : o.warnings) spdlog::warn("{}", w);
#pragma once

#include <string>
#include <vector>

#include "bilik/curation_file.h"
#include "bilik/result.h"
#include "bilik/store.h"

namespace bilik {

// Keeps the statements the store does not hold yet (the same line twice is
// kept once, with the place it was first read); returns how many were new.
Result<size_t> keep_curation(Store& store, const std::vector<CurationStatement>& statements);

// A kept line, how many store rows it has changed over all its applications,
// and how many entities it touches now.
struct KeptCuration {
  long long id = 0;
  std::string statement, source, added, applied;
  long long rows = 0, entities = 0;
};
Result<std::vector<KeptCuration>> kept_curation(Store& store);

// Keeps the lines `from` keeps (none for a store older than curation) in
// `to`, with their source and the rows they changed, as a merge of stores does.
Status carry_curation(Store& from, Store& to);

// What applying one line did this time.
struct CurationOutcome {
  std::string statement, source;
  long long rows = 0;
  std::vector<std::string> warnings;  // "FILE:LINE: no entity is called ..."
};
// Applies every kept line, in order, in one transaction.
Result<std::vector<CurationOutcome>> apply_curation(Store& store);

}  // namespace bilik
