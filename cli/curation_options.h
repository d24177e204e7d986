// Where a command finds its curation file, and applying it to a store.
//
// The rule, the same for extract, merge, export, explain and curate:
// `--curation FILE` names the file (it must exist, except for curate, which
// creates it); without it, `STORE.curation` beside the store is read when it
// exists (graph.db.curation for graph.db). The file is parsed before any
// store is opened, so a bad line exits 2 having changed nothing.
//
//   auto lines = read_curation(*opts, db);
//   if (!lines) { spdlog::error("{}", lines.error()); return 2; }
//   if (Status s = curate_store(**store, *lines); !s) ...
#pragma once

#include <string>
#include <vector>

#include "bilik/curation_file.h"
#include "bilik/store.h"
#include "options.h"

namespace bilik::cli {

// The curation file a command uses: --curation FILE, else STORE.curation
// (whether or not it exists).
std::string curation_path(const ParsedOptions& opts, const std::string& db);

// The lines of the command's curation file; none when no --curation is given
// and STORE.curation does not exist.
Result<std::vector<CurationStatement>> read_curation(const ParsedOptions& opts, const std::string& db);

// Keeps `lines` in the store, then applies every line it keeps (those of
// earlier runs and merged stores too), logging each warning and a summary.
Status curate_store(Store& store, const std::vector<CurationStatement>& lines);

}  // namespace bilik::cli
