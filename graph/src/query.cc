#include "bilik/query.h"

#include <map>
#include <set>

#include "bilik/date_interval.h"
#include "bilik/folded_text.h"
#include "inferred.h"
#include "sentence_spans.h"
#include "statement.h"

namespace bilik {
namespace {


// A column of the current row, typed as SQLite holds it.
Cell cell(Statement& q, int i) {
  switch (q.column_type(i)) {
    case SQLITE_NULL: return Cell::null();
    case SQLITE_INTEGER: return Cell::integer(q.column_int(i));
    case SQLITE_FLOAT: return Cell::real(q.column_text(i));
    default: return Cell(q.column_text(i));
  }
}

// Runs a prepared query into a table.
Result<Table> collect(Statement& q) {
  if (!q.ok()) return Result<Table>::failure(q.error());
  Table t;
  for (int i = 0; i < q.column_count(); ++i) t.columns.push_back(q.column_name(i));
  Status read = q.each([&] {
    std::vector<Cell> row;
    for (int i = 0; i < q.column_count(); ++i) row.push_back(cell(q, i));
    t.rows.push_back(std::move(row));
  });
  if (!read) return Result<Table>::failure(read.error());
  return t;
}

}  // namespace

Result<std::vector<long long>> find_entities(sqlite3* db, const std::string& name, const Morphology* morphology) {
  std::vector<std::string> keys{fold_key(name)};
  if (morphology && !keys[0].empty()) {
    const size_t space = keys[0].rfind(' ');
    const std::string head = space == std::string::npos ? "" : keys[0].substr(0, space + 1);
    const std::string last = space == std::string::npos ? keys[0] : keys[0].substr(space + 1);
    for (const SuffixReading& r : morphology->readings(last, {.harmony = false, .min_slot = 1, .min_stem_chars = 2}))
      if (r.stem_bytes < last.size()) keys.push_back(head + last.substr(0, r.stem_bytes));
  }
  // "NATO-nun", "ABŞ'ın": suffixes set off by a hyphen or an apostrophe
  // (folding makes the mark a space). The name before the mark is tried
  // last, and only when the morphology reads what follows it as suffixes.
  if (morphology) {
    for (const char* mark : {"-", "'", "\u2019", "\u02BC", "`"}) {
      const size_t at = name.rfind(mark);
      if (at == std::string::npos || at == 0) continue;
      const std::string before = fold_key(name.substr(0, at)), after = fold_key(name.substr(at + std::string(mark).size()));
      if (before.empty() || after.empty() || after.find(' ') != std::string::npos) continue;
      const std::string last = before.substr(before.rfind(' ') == std::string::npos ? 0 : before.rfind(' ') + 1);
      for (const SuffixReading& r : morphology->readings(last + after, {.harmony = false, .min_slot = 1, .min_stem_chars = 1}))
        if (r.stem_bytes == last.size()) {
          keys.push_back(before);
          break;
        }
    }
  }
  for (const std::string& key : keys) {
    // Names that identify nothing across documents (a generic "Müdafiə
    // Nazirliyi") have no entity_key row but still find their entities.
    Statement k(db, "SELECT entity_id FROM entity_key WHERE key = ?1 UNION "
                    "SELECT entity_id FROM entity_name WHERE key = ?1 AND role <> 'unconfirmed' ORDER BY entity_id");
    k.bind(1, key);
    std::vector<long long> ids;
    if (Status s = k.each([&] { ids.push_back(k.column_int(0)); }); !s)
      return Result<std::vector<long long>>::failure(s.error());
    if (!ids.empty()) return ids;  // the fullest reading that names something
  }
  return std::vector<long long>{};
}

Result<Table> entity_card(sqlite3* db, long long id) {
  Statement q(db,
          "SELECT e.id, e.type, e.name, "
          "(SELECT group_concat(alias, ' | ') FROM (SELECT alias FROM aliases WHERE entity_id = e.id ORDER BY alias)) AS aliases, "
          "(SELECT count(*) FROM mentions WHERE entity_id = e.id) AS mentions, "
          "(SELECT count(DISTINCT document_id) FROM mentions WHERE entity_id = e.id) AS documents "
          "FROM entities e WHERE e.id = ?");
  q.bind(1, id);
  return collect(q);
}

Result<Table> neighbors(sqlite3* db, const std::vector<long long>& ids, const NeighborQuery& nq) {
  // Breadth-first over the triples, either direction, up to `hops`.
  std::map<long long, int> distance;
  for (long long id : ids) distance[id] = 0;
  std::vector<long long> frontier = ids;
  Table t;
  t.columns = {"hops", "from", "predicate", "to", "type", "documents", "document", "evidence"};
  for (int hop = 1; hop <= std::max(1, nq.hops) && !frontier.empty(); ++hop) {
    std::vector<long long> next;
    for (long long node : frontier) {
      Statement q(db,
              "SELECT g.subject_id, s.name, g.predicate, g.object_id, o.name, o.type, s.type, g.documents, d.uri, "
              "CAST(substr(CAST(d.text AS BLOB), x.start + 1, x.\"end\" - x.start) AS TEXT) "
              "FROM (SELECT subject_id, predicate, object_id, count(DISTINCT document_id) AS documents, min(id) AS first "
              "      FROM triple WHERE object_id IS NOT NULL AND (subject_id = ?1 OR object_id = ?1) "
              "      AND (?2 = '' OR predicate = ?2) GROUP BY subject_id, predicate, object_id) g "
              "JOIN entity s ON s.id = g.subject_id JOIN entity o ON o.id = g.object_id "
              "JOIN triple x ON x.id = g.first JOIN document d ON d.id = x.document_id "
              "ORDER BY g.documents DESC, g.predicate");
      q.bind(1, node).bind(2, nq.predicate);
      Status read = q.each([&] {
        const bool outgoing = q.column_int(0) == node;
        const long long other = outgoing ? q.column_int(3) : q.column_int(0);
        const std::string other_type = outgoing ? q.column_text(5) : q.column_text(6);
        // A node reached at an earlier hop (the start, a nearer neighbour)
        // is not listed again; the type filters what is shown, and the walk
        // goes through every node.
        const auto reached = distance.find(other);
        if ((reached == distance.end() || reached->second == hop) && (nq.type.empty() || other_type == nq.type))
          t.rows.push_back({Cell::integer(hop), q.column_text(1), q.column_text(2), q.column_text(4), other_type,
                            Cell::integer(q.column_int(7)), q.column_text(8), q.column_text(9)});
        if (!distance.count(other)) {
          distance[other] = hop;
          next.push_back(other);
        }
      });
      if (!read) return Result<Table>::failure(read.error());
    }
    frontier = std::move(next);
  }
  return t;
}

Result<Table> triples(sqlite3* db, const TripleQuery& tq) {
  std::string sql =
      "SELECT s.name AS subject, t.predicate, coalesce(o.name, t.object_literal) AS object, t.date AS date, "
      "t.role AS role, d.uri AS document, t.start, t.\"end\", "
      "CAST(substr(CAST(d.text AS BLOB), t.start + 1, t.\"end\" - t.start) AS TEXT) AS evidence, t.rule, "
      "t.confidence, " + inferred_sql("t.rule") + " AS inferred "
      "FROM triples t JOIN entities s ON s.id = t.subject_id LEFT JOIN entities o ON o.id = t.object_id "
      "JOIN documents d ON d.id = t.document_id WHERE (?1 = '' OR t.predicate = ?1) AND " +
      date_overlaps_sql("t.date", 2, 3) + " AND t.confidence >= ?4 AND (?5 = 0 OR NOT " + inferred_sql("t.rule") + ")";
  auto in_list = [](const char* column, const std::vector<long long>& ids, int first) {
    if (ids.empty()) return std::string();
    std::string s = std::string(" AND ") + column + " IN (";
    for (size_t i = 0; i < ids.size(); ++i) s += (i ? ",?" : "?") + std::to_string(first + static_cast<int>(i));
    return s + ")";
  };
  sql += in_list("t.subject_id", tq.subjects, 6);
  sql += in_list("t.object_id", tq.objects, 6 + static_cast<int>(tq.subjects.size()));
  sql += " ORDER BY t.date, d.uri, t.start";
  Statement q(db, sql);
  if (!q.ok()) return Result<Table>::failure(q.error());
  const DateRange range = date_range(tq.since, tq.until);
  q.bind(1, tq.predicate).bind(2, range.first).bind(3, range.last);
  q.bind_real(4, tq.min_confidence).bind(5, tq.stated_only ? 1LL : 0LL);
  int i = 6;
  for (long long s : tq.subjects) q.bind(i++, s);
  for (long long o : tq.objects) q.bind(i++, o);
  auto t = collect(q);
  if (!t) return t;
  // The whole sentence around each piece of evidence.
  t->columns.push_back("sentence");
  std::map<std::string, std::pair<std::string, SentenceSpans>> documents;
  for (auto& row : t->rows) {
    const std::string& uri = row[5].text;
    auto it = documents.find(uri);
    if (it == documents.end()) {
      Statement text(db, "SELECT text, sentences FROM document WHERE uri = ?");
      text.bind(1, uri);
      auto found = text.next();
      if (!found) return Result<Table>::failure(found.error());
      std::string body = *found ? text.column_text(0) : "";
      SentenceSpans spans = stored_sentences(*found ? text.column_blob(1) : "", body);
      it = documents.emplace(uri, std::make_pair(std::move(body), std::move(spans))).first;
    }
    const size_t start = std::stoull(row[6].text);
    std::string sentence;
    for (const auto& [from, to] : it->second.second)
      if (from <= start && start < to) sentence = it->second.first.substr(from, to - from);
    row.push_back(sentence);
  }
  return t;
}

}  // namespace bilik
