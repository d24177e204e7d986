// Walking the store: entities by any name, their neighbours, triples with
// their evidence, and read-only SQL. Every answer is a Table the CLI prints
// aligned, or as JSON, CSV or TSV. User-given values reach SQL only as bound
// parameters; user SQL goes through bilik/sql_query.h, which refuses any
// statement that writes.
//
//   auto ids = find_entities(db, "Tokayevin", &pack.morphology);
//   Table t = neighbors(db, ids->front(), {.hops = 2});
#pragma once

#include <sqlite3.h>

#include <string>
#include <vector>

#include "bilik/morphology.h"
#include "bilik/result.h"

namespace bilik {

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

// Triples come with their evidence: document, byte span, the matched text
// and the whole sentence around it.

// Entities one of whose names is `name` in any case or spelling the folding
// covers, or is its stem once case suffixes are cut ("Tokayevin", "TÜRKİYƏ").
Result<std::vector<long long>> find_entities(sqlite3* db, const std::string& name, const Morphology* morphology);

Result<Table> entity_card(sqlite3* db, long long id);

struct NeighborQuery {
  int hops = 1;
  std::string predicate, type;
};
Result<Table> neighbors(sqlite3* db, long long id, const NeighborQuery& q);

struct TripleQuery {
  std::vector<long long> subjects, objects;  // empty: any
  std::string predicate, since, until;
};
Result<Table> triples(sqlite3* db, const TripleQuery& q);

// One read-only statement, its whole result in memory (for trusted SQL; the
// CLI streams user SQL through stream_sql, bilik/sql_query.h, with limits).
Result<Table> run_sql(sqlite3* db, const std::string& sql);

}  // namespace bilik

namespace bilik {

// Shortest paths between two entities over the triples (either direction),
// at most `max_hops` long; every step with its predicate and evidence.
// Up to `max_paths` paths of the shortest length, in a stable order.
Result<Table> shortest_paths(sqlite3* db, long long from, long long to, int max_hops, int max_paths = 10);

// Triple patterns joined SPARQL-style: "?p holds_position Qazaxıstan . ?p visited ?s".
// A term is a ?variable, a predicate, or an entity name (quoted when it has
// spaces: "Qasım-Jomart Tokayev"); names are found as `entity` finds them.
// Columns: the variables in order of appearance.
Result<Table> match_patterns(sqlite3* db, const std::string& pattern, const Morphology* morphology,
                             size_t limit = 1000);

}  // namespace bilik
