// The graph a store holds, as exporters see it.
//
// Two graphs can be read from a store: `relations` (one edge per subject,
// predicate and object, weighted by the number of documents stating it, with
// the dates of those statements) and `cooccurrence` (entities named in the
// same document, or the same sentence, weighted by how often). Filters keep
// node types, predicates (relations only), a date range (the statements'
// dates for relations, the documents' publication dates for co-occurrence;
// a date keeps its statement when its interval overlaps the range,
// bilik/date_interval.h), statements by confidence and stated ones only
// (relations only; inferred: rule "infer:<id>") and a minimum weight; nodes
// are the entities the kept edges touch. Statement filters come first, so
// an edge's weight, confidence and dates are those of its kept statements.
// User-given values reach SQL only as bound parameters. A store error (a
// damaged file) fails the whole load; it is never read as the end of rows.
//
//   auto graph = load_graph(store.handle(), {.graph = "relations", .min_weight = 2});
#pragma once

#include <sqlite3.h>

#include <string>
#include <vector>

#include "bilik/result.h"

namespace bilik {

struct GraphQuery {
  std::string graph = "relations";  // or "cooccurrence"
  std::string window = "sentence";  // cooccurrence: "sentence" or "document"
  std::vector<std::string> types, predicates;
  std::string since, until;         // ISO dates: of statements (relations), of documents (cooccurrence)
  long long min_weight = 1;
  double min_confidence = 0;        // relations: keep statements at least this confident
  bool stated_only = false;         // relations: drop inferred statements
};

struct GraphNode {
  long long id = 0;
  std::string label, type;
  std::vector<std::string> aliases;
  long long mentions = 0, documents = 0;
  std::string first_date, last_date;  // earliest and latest date of its edges, as stored; "" if none
};

struct GraphEdge {
  long long source = 0, target = 0;
  std::string kind;                 // predicate, or "cooccurs"
  long long weight = 0;
  std::vector<std::string> dates;   // ISO 8601, as stored ("2022", "2022-05", "2022-05-10")
  // Provenance. Relations: the highest confidence of its statements, their
  // rules (sorted), inferred when none of them is stated. Co-occurrence:
  // confidence 1, no rules. documents: how many documents state it (or name
  // both entities); first/last date: its earliest and latest date, as stored
  // (co-occurrence: the documents' publication dates).
  double confidence = 1;
  std::vector<std::string> rules;
  bool inferred = false;
  long long documents = 0;
  std::string first_date, last_date;
};

struct Graph {
  bool directed = true;
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
};

Result<Graph> load_graph(sqlite3* db, const GraphQuery& query);

}  // namespace bilik
