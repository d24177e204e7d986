#include <sqlite3.h>

#include <map>

#include "bilik/folded_text.h"
#include "bilik/graph_writers.h"
#include "inferred.h"
#include "statement.h"

namespace bilik {
namespace {

// Percent-encodes everything outside RFC 3986's unreserved characters.
std::string encode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// An N-Quads string literal, tagged Azerbaijani unless it is an identifier;
// characters XML/RDF forbid dropped.
std::string literal(const std::string& s, bool azerbaijani = true) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;
    }
  }
  return out + (azerbaijani ? "\"@az" : "\"");
}

// A stored date as a typed literal, as precise as it is: xsd:gYear,
// xsd:gYearMonth or xsd:date.
std::string date_literal(const std::string& d) {
  const char* type = d.size() == 4 ? "gYear" : d.size() == 7 ? "gYearMonth" : "date";
  return "\"" + d.substr(0, 10) + "\"^^<http://www.w3.org/2001/XMLSchema#" + type + ">";
}

}  // namespace

std::string entity_iri(const std::string& type, const std::string& name) {
  // Minted from the type and the folded canonical name, so the same entity
  // gets the same IRI in every store and every run.
  return "<urn:bilik:entity:" + type + ":" + encode(fold_key(name)) + ">";
}

Status write_nquads(sqlite3* db, std::ostream& out) {
  const std::string rdf = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#";
  const std::string rdf_type = rdf + "type>";
  const std::string label = "<http://www.w3.org/2000/01/rdf-schema#label>";
  const std::string alt = "<http://www.w3.org/2004/02/skos/core#altLabel>";
  const std::string xsd = "^^<http://www.w3.org/2001/XMLSchema#";
  // Entities, their types and names, in the default graph.
  Statement entities(db, "SELECT id, type, name FROM entities ORDER BY id");
  std::map<long long, std::string> iri;
  Status read = entities.each([&] {
    const std::string type = entities.column_text(1), name = entities.column_text(2);
    const std::string e = entity_iri(type, name);
    iri[entities.column_int(0)] = e;
    out << e << ' ' << rdf_type << " <urn:bilik:type:" << type << "> .\n";
    out << e << ' ' << label << ' ' << literal(name) << " .\n";
  });
  if (!read) return read;
  Statement aliases(db, "SELECT entity_id, alias FROM aliases ORDER BY 1, 2");
  read = aliases.each(
      [&] { out << iri[aliases.column_int(0)] << ' ' << alt << ' ' << literal(aliases.column_text(1)) << " .\n"; });
  if (!read) return read;
  // Each document's triples in a graph named after the document, each with
  // a statement that says how it was found.
  Statement triples(db,
                    "SELECT t.subject_id, t.predicate, t.object_id, t.object_literal, d.uri, t.id, t.confidence, t.rule, "
                    "coalesce(t.date, ''), " + inferred_sql("t.rule") + " FROM triples t "
                    "JOIN documents d ON d.id = t.document_id ORDER BY d.uri, t.id");
  return triples.each([&] {
    const std::string subject = iri[triples.column_int(0)];
    const std::string predicate = "<urn:bilik:predicate:" + triples.column_text(1) + ">";
    const std::string object =
        triples.is_null(2) ? literal(triples.column_text(3)) : iri[triples.column_int(2)];
    const std::string graph = " <urn:bilik:document:" + encode(triples.column_text(4)) + "> .\n";
    out << subject << ' ' << predicate << ' ' << object << graph;
    const std::string statement = "_:t" + std::to_string(triples.column_int(5));
    out << statement << ' ' << rdf_type << ' ' << rdf << "Statement>" << graph
        << statement << ' ' << rdf << "subject> " << subject << graph
        << statement << ' ' << rdf << "predicate> " << predicate << graph
        << statement << ' ' << rdf << "object> " << object << graph
        << statement << " <urn:bilik:confidence> \"" << confidence_text(triples.column_real(6)) << '"' << xsd
        << "double>" << graph
        << statement << " <urn:bilik:rule> " << literal(triples.column_text(7), false) << graph
        << statement << " <urn:bilik:inferred> \"" << (triples.column_int(9) ? "true" : "false") << '"' << xsd
        << "boolean>" << graph;
    if (const std::string date = triples.column_text(8); !date.empty())
      out << statement << " <urn:bilik:date> " << date_literal(date) << graph;
  });
}

}  // namespace bilik
