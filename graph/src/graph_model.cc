#include "bilik/graph_model.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "bilik/date_interval.h"
#include "inferred.h"
#include "sentence_spans.h"
#include "statement.h"

namespace bilik {
namespace {

std::string placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i ? ",?" : "?";
  return out;
}

std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(item);
  std::sort(out.begin(), out.end());
  return out;
}

// Widens [first, last] (stored dates) to take in `date`.
void widen(std::string& first, std::string& last, const std::string& date_first, const std::string& date_last) {
  const auto a = date_interval(date_first), b = date_interval(date_last);
  if (!a || !b) return;
  const auto f = date_interval(first), l = date_interval(last);
  if (!f || a->first < f->first) first = date_first;
  if (!l || b->last > l->last) last = date_last;
}

// Relations: one edge per (subject, object, predicate), over its kept statements.
Result<std::vector<GraphEdge>> relation_edges(sqlite3* db, const GraphQuery& q) {
  std::string sql =
      "SELECT subject_id, object_id, predicate, count(DISTINCT document_id), group_concat(DISTINCT date), "
      "max(confidence), group_concat(DISTINCT rule), min(" + inferred_sql("rule") + ") "
      "FROM triple WHERE object_id IS NOT NULL AND " + date_overlaps_sql("date", 1, 2) +
      " AND confidence >= ?3 AND (?4 = 0 OR NOT " + inferred_sql("rule") + ")";
  if (!q.predicates.empty()) sql += " AND predicate IN (" + placeholders(q.predicates.size()) + ")";
  sql += " GROUP BY subject_id, object_id, predicate HAVING count(DISTINCT document_id) >= ?" +
         std::to_string(5 + q.predicates.size()) + " ORDER BY 1, 2, 3";
  Statement query(db, sql);
  const DateRange range = date_range(q.since, q.until);
  query.bind(1, range.first).bind(2, range.last).bind_real(3, q.min_confidence).bind(4, q.stated_only ? 1LL : 0LL);
  int i = 5;
  for (const std::string& p : q.predicates) query.bind(i++, p);
  query.bind(i, q.min_weight);
  std::vector<GraphEdge> edges;
  Status read = query.each([&] {
    GraphEdge e;
    e.source = query.column_int(0), e.target = query.column_int(1), e.kind = query.column_text(2);
    e.weight = query.column_int(3);
    for (const std::string& d : split(query.column_text(4))) {
      e.dates.push_back(d);
      widen(e.first_date, e.last_date, d, d);
    }
    e.confidence = query.column_real(5);
    e.rules = split(query.column_text(6));
    e.inferred = query.column_int(7) != 0;
    e.documents = e.weight;
    edges.push_back(std::move(e));
  });
  if (!read) return Result<std::vector<GraphEdge>>::failure(read.error());
  return edges;
}

// The sentence index of each mention of one document, from the sentences
// its extraction stored.
Result<std::vector<std::pair<long long, size_t>>> mentions_by_sentence(sqlite3* db, long long doc,
                                                                      const SentenceSpans& sentences) {
  std::vector<std::pair<long long, size_t>> out;
  Statement q(db, "SELECT entity_id, start FROM mention WHERE document_id = ?");
  q.bind(1, doc);
  Status read = q.each([&] {
    out.emplace_back(q.column_int(0), sentence_at(sentences, static_cast<size_t>(q.column_int(1))));
  });
  if (!read) return Result<std::vector<std::pair<long long, size_t>>>::failure(read.error());
  return out;
}

// Co-occurrence: entities in the same document or sentence.
Result<std::vector<GraphEdge>> cooccurrence_edges(sqlite3* db, const GraphQuery& q) {
  struct Pair {
    long long weight = 0, documents = 0, last_document = -1;
    std::string first_date, last_date;
  };
  std::map<std::pair<long long, long long>, Pair> pairs;
  // A date range keeps the documents whose publication date overlaps it;
  // one without a date is outside every range.
  Statement docs(db, "SELECT id, text, coalesce(published, ''), sentences FROM document WHERE " +
                         date_overlaps_sql("published", 1, 2) + " ORDER BY id");
  const DateRange range = date_range(q.since, q.until);
  docs.bind(1, range.first).bind(2, range.last);
  Status inner;
  Status read = docs.each([&] {
    const long long doc = docs.column_int(0);
    const std::string published = docs.column_text(2);
    std::map<size_t, std::set<long long>> groups;
    if (q.window == "document") {
      Statement m(db, "SELECT DISTINCT entity_id FROM mention WHERE document_id = ?");
      m.bind(1, doc);
      inner = m.each([&] { groups[0].insert(m.column_int(0)); });
    } else {
      auto mentions = mentions_by_sentence(db, doc, stored_sentences(docs.column_blob(3), docs.column_text(1)));
      if (!mentions) inner = Status::failure(mentions.error());
      else
        for (const auto& [entity, sentence] : *mentions) groups[sentence].insert(entity);
    }
    if (!inner) return false;
    for (const auto& [unit, entities] : groups)
      for (auto a = entities.begin(); a != entities.end(); ++a)
        for (auto b = std::next(a); b != entities.end(); ++b) {
          Pair& p = pairs[{*a, *b}];
          ++p.weight;
          if (p.last_document == doc) continue;
          p.last_document = doc;
          ++p.documents;
          widen(p.first_date, p.last_date, published, published);
        }
    return true;
  });
  if (!inner) return Result<std::vector<GraphEdge>>::failure(inner.error());
  if (!read) return Result<std::vector<GraphEdge>>::failure(read.error());
  std::vector<GraphEdge> edges;
  for (const auto& [ends, p] : pairs) {
    if (p.weight < q.min_weight) continue;
    GraphEdge e;
    e.source = ends.first, e.target = ends.second, e.kind = "cooccurs", e.weight = p.weight;
    e.documents = p.documents;
    e.first_date = p.first_date;
    e.last_date = p.last_date;
    edges.push_back(std::move(e));
  }
  return edges;
}

}  // namespace

Result<Graph> load_graph(sqlite3* db, const GraphQuery& q) {
  if (q.graph != "relations" && q.graph != "cooccurrence")
    return Result<Graph>::failure("unknown graph '" + q.graph + "' (relations, cooccurrence)");
  if (q.window != "sentence" && q.window != "document")
    return Result<Graph>::failure("unknown window '" + q.window + "' (sentence, document)");
  if (q.graph == "cooccurrence" && !q.predicates.empty())
    return Result<Graph>::failure("predicates filter the relations graph; the cooccurrence graph has none");
  if (q.graph == "cooccurrence" && (q.min_confidence > 0 || q.stated_only))
    return Result<Graph>::failure("confidence and inference filter the relations graph; the cooccurrence graph has neither");
  auto edges = q.graph == "relations" ? relation_edges(db, q) : cooccurrence_edges(db, q);
  if (!edges) return Result<Graph>::failure(edges.error());

  Graph g;
  g.directed = q.graph == "relations";
  // The nodes the edges touch, read in two passes over the store (entities
  // with their mention counts, then aliases), not a query per node.
  std::map<long long, GraphNode> nodes;
  for (const GraphEdge& e : *edges) {
    nodes.try_emplace(e.source);
    nodes.try_emplace(e.target);
  }
  Statement all(db,
                "SELECT e.id, e.type, e.name, coalesce(m.mentions, 0), coalesce(m.documents, 0) FROM entity e "
                "LEFT JOIN (SELECT entity_id, count(*) AS mentions, count(DISTINCT document_id) AS documents "
                "FROM mention GROUP BY entity_id) m ON m.entity_id = e.id");
  Status read = all.each([&] {
    auto it = nodes.find(all.column_int(0));
    if (it == nodes.end()) return;
    GraphNode& n = it->second;
    n.id = all.column_int(0), n.label = all.column_text(2), n.type = all.column_text(1);
    n.mentions = all.column_int(3), n.documents = all.column_int(4);
  });
  if (!read) return Result<Graph>::failure(read.error());
  Statement aliases(db, "SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias");
  read = aliases.each([&] {
    auto it = nodes.find(aliases.column_int(0));
    if (it != nodes.end()) it->second.aliases.push_back(aliases.column_text(1));
  });
  if (!read) return Result<Graph>::failure(read.error());
  auto kept = [&](long long id) {
    const GraphNode& n = nodes.at(id);
    return !n.type.empty() && (q.types.empty() || std::find(q.types.begin(), q.types.end(), n.type) != q.types.end());
  };
  for (GraphEdge& e : *edges)
    if (kept(e.source) && kept(e.target)) g.edges.push_back(std::move(e));
  std::set<long long> used;
  for (const GraphEdge& e : g.edges) {
    used.insert(e.source);
    used.insert(e.target);
    for (long long end : {e.source, e.target})
      widen(nodes.at(end).first_date, nodes.at(end).last_date, e.first_date, e.last_date);
  }
  for (long long id : used) g.nodes.push_back(std::move(nodes.at(id)));
  return g;
}

}  // namespace bilik
