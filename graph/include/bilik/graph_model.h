// The graph a store holds, as exporters see it.
//
// Two graphs can be read from a store: `relations` (one edge per subject,
// predicate and object, weighted by the number of documents stating it, with
// the dates of those statements) and `cooccurrence` (entities named in the
// same document, or the same sentence, weighted by how often). Filters keep
// node types, predicates (relations only), a date range (the statements'
// dates for relations, the documents' publication dates for co-occurrence)
// and a minimum weight; nodes are the entities the kept edges touch.
// User-given values reach SQL only as bound parameters.
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
};

struct GraphNode {
  long long id = 0;
  std::string label, type;
  std::vector<std::string> aliases;
  long long mentions = 0, documents = 0;
};

struct GraphEdge {
  long long source = 0, target = 0;
  std::string kind;                 // predicate, or "cooccurs"
  long long weight = 0;
  std::vector<std::string> dates;   // ISO 8601, as stored
};

struct Graph {
  bool directed = true;
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
};

Result<Graph> load_graph(sqlite3* db, const GraphQuery& query);

}  // namespace bilik
