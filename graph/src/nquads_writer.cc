#include <sqlite3.h>

#include <map>

#include "bilik/folded_text.h"
#include "bilik/graph_writers.h"

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

// An N-Quads string literal, in Azerbaijani; characters XML/RDF forbid dropped.
std::string literal(const std::string& s) {
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
  return out + "\"@az";
}

std::string text(sqlite3_stmt* stmt, int i) {
  const auto* t = sqlite3_column_text(stmt, i);
  return t ? reinterpret_cast<const char*>(t) : "";
}

}  // namespace

std::string entity_iri(const std::string& type, const std::string& name) {
  // Minted from the type and the folded canonical name, so the same entity
  // gets the same IRI in every store and every run.
  return "<urn:bilik:entity:" + type + ":" + encode(fold_key(name)) + ">";
}

void write_nquads(sqlite3* db, std::ostream& out) {
  const std::string rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
  const std::string label = "<http://www.w3.org/2000/01/rdf-schema#label>";
  const std::string alt = "<http://www.w3.org/2004/02/skos/core#altLabel>";
  sqlite3_stmt* stmt = nullptr;
  // Entities, their types and names, in the default graph.
  sqlite3_prepare_v2(db, "SELECT id, type, name FROM entities ORDER BY id", -1, &stmt, nullptr);
  std::map<long long, std::string> iri;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    const std::string type = text(stmt, 1), name = text(stmt, 2);
    const std::string e = entity_iri(type, name);
    iri[sqlite3_column_int64(stmt, 0)] = e;
    out << e << ' ' << rdf_type << " <urn:bilik:type:" << type << "> .\n";
    out << e << ' ' << label << ' ' << literal(name) << " .\n";
  }
  sqlite3_finalize(stmt);
  sqlite3_prepare_v2(db, "SELECT entity_id, alias FROM aliases ORDER BY 1, 2", -1, &stmt, nullptr);
  while (sqlite3_step(stmt) == SQLITE_ROW)
    out << iri[sqlite3_column_int64(stmt, 0)] << ' ' << alt << ' ' << literal(text(stmt, 1)) << " .\n";
  sqlite3_finalize(stmt);
  // Each document's triples in a graph named after the document.
  sqlite3_prepare_v2(db,
                     "SELECT t.subject_id, t.predicate, t.object_id, t.object_literal, d.uri FROM triples t "
                     "JOIN documents d ON d.id = t.document_id ORDER BY d.uri, t.id",
                     -1, &stmt, nullptr);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    out << iri[sqlite3_column_int64(stmt, 0)] << " <urn:bilik:predicate:" << text(stmt, 1) << "> ";
    if (sqlite3_column_type(stmt, 2) != SQLITE_NULL) out << iri[sqlite3_column_int64(stmt, 2)];
    else out << literal(text(stmt, 3));
    out << " <urn:bilik:document:" << encode(text(stmt, 4)) << "> .\n";
  }
  sqlite3_finalize(stmt);
}

}  // namespace bilik
