// Writing a graph for the programs researchers open it with.
//
// gexf: GEXF 1.2draft (or 1.3) as Gephi reads it: node attributes type,
// aliases, mentions, documents, first_date, last_date; one edge per
// predicate between a pair with kind, label, weight and its provenance
// (confidence, rules, inferred, documents, first_date, last_date; see
// GraphEdge); a timeline (spells, each stored date from its first day to its
// last, bilik/date_interval.h); node colour by type. 1.2draft is the default because it is what
// networkx reads by default (2.8 reads no other); Gephi reads both.
// graphml: for networkx and igraph. json: node-link JSON with typed values,
// edges under both "links" (networkx 2.x, 3.0-3.5 default) and "edges"
// (3.6 default), so networkx.node_link_graph reads it with its defaults. csv: Gephi's spreadsheet import, a nodes
// table and an edges table. Every format carries the same node and edge
// attributes. nquads: RDF, one named graph per document.
// Text is UTF-8; characters XML forbids are dropped, never written.
//
//   write_gexf(graph, out, "1.2");
#pragma once

#include <sqlite3.h>

#include <ostream>
#include <string>

#include "bilik/graph_model.h"
#include "bilik/result.h"

namespace bilik {

void write_gexf(const Graph& graph, std::ostream& out, const std::string& version = "1.2");
void write_graphml(const Graph& graph, std::ostream& out);
void write_node_link_json(const Graph& graph, std::ostream& out);
void write_csv_nodes(const Graph& graph, std::ostream& out);
void write_csv_edges(const Graph& graph, std::ostream& out);

// N-Quads: entities (type, label, altLabel) in the default graph, each
// document's triples in a graph named after the document. Entity IRIs are
// minted from type and folded canonical name: stable across runs and stores.
// Each triple is also described by an rdf:Statement (a blank node) in the
// same graph: rdf:subject/predicate/object and bilik:confidence
// (xsd:double), bilik:rule, bilik:inferred (xsd:boolean), bilik:date
// (xsd:gYear, gYearMonth or date, as precise as stored). A store error
// stops it with the error (what was written is then incomplete).
Status write_nquads(sqlite3* db, std::ostream& out);
std::string entity_iri(const std::string& type, const std::string& name);

// A confidence as every export writes it: the shortest decimal (0.5, 1).
std::string confidence_text(double confidence);

// A CSV field (RFC 4180), quoted when it holds a comma, quote or line break.
std::string csv_field(const std::string& s);

// Text safe inside XML: escaped, with characters XML 1.0 forbids removed.
std::string xml_text(const std::string& s);

}  // namespace bilik
