// Walking the store: entities by any name, their neighbours, triples with
// their evidence, and read-only SQL. A store error (a damaged file) fails
// the query with it; it is never read as "no more rows". Every answer is a Table the CLI prints
// aligned, or as JSON, CSV or TSV. User-given values reach SQL only as bound
// parameters; user SQL goes through bilik/sql_query.h, which refuses any
// statement that writes.
//
//   auto ids = find_entities(db, "Tokayevin", &pack.morphology);
//   Table t = neighbors(db, *ids, {.hops = 2});
#pragma once

#include <sqlite3.h>

#include <string>
#include <vector>

#include "bilik/morphology.h"
#include "bilik/result.h"

namespace bilik {

// One value of a table as SQL typed it, so that JSON output keeps numbers
// numbers and NULL null. `text` is how a table or TSV shows it ("" for NULL).
struct Cell {
  enum class Kind { Null, Integer, Real, Text };
  Kind kind = Kind::Text;
  std::string text;

  Cell(std::string s) : text(std::move(s)) {}  // NOLINT: text is the common case
  static Cell integer(long long v) { return Cell(Kind::Integer, std::to_string(v)); }
  static Cell real(std::string shown) { return Cell(Kind::Real, std::move(shown)); }
  static Cell null() { return Cell(Kind::Null, ""); }

 private:
  Cell(Kind k, std::string s) : kind(k), text(std::move(s)) {}
};

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

// Triples come with their evidence: document, byte span, the matched text
// and the whole sentence around it.

// Entities one of whose names is `name` in any case or spelling the folding
// covers, or is its stem once case suffixes are cut ("Tokayevin", "TÜRKİYƏ"),
// also when the suffixes follow a hyphen or apostrophe ("NATO-nun", "ABŞ'ın").
Result<std::vector<long long>> find_entities(sqlite3* db, const std::string& name, const Morphology* morphology);

Result<Table> entity_card(sqlite3* db, long long id);

// Entities up to `hops` steps away: a row per triple that reaches an entity
// at the hop that first reaches it, so the start entity and nearer entities
// are never listed again.
struct NeighborQuery {
  int hops = 1;
  std::string predicate, type;
};
Result<Table> neighbors(sqlite3* db, const std::vector<long long>& ids, const NeighborQuery& q);

// A date range keeps a triple whose date, as an interval (a year, a month,
// a day), overlaps it (bilik/date_interval.h). Columns end with rule,
// confidence, inferred (1 for a rule "infer:<id>") and the sentence.
struct TripleQuery {
  std::vector<long long> subjects, objects;  // empty: any
  std::string predicate, since, until;
  double min_confidence = 0;
  bool stated_only = false;                  // drop inferred triples
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
// A predicate outside schema/predicates.json is an error, not an empty answer.
// Columns: the variables in order of appearance.
Result<Table> match_patterns(sqlite3* db, const std::string& pattern, const Morphology* morphology,
                             size_t limit = 1000);

}  // namespace bilik
