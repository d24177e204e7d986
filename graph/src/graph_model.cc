#include "bilik/graph_model.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "bilik/entity_matcher.h"
#include "bilik/folded_text.h"
#include "statement.h"
#include "bilik/segmenter.h"

namespace bilik {
namespace {


std::string placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i ? ",?" : "?";
  return out;
}

// Relations: one edge per (subject, object, predicate).
Result<std::vector<GraphEdge>> relation_edges(sqlite3* db, const GraphQuery& q) {
  std::string sql =
      "SELECT subject_id, object_id, predicate, count(DISTINCT document_id), group_concat(DISTINCT date) "
      "FROM triple WHERE object_id IS NOT NULL";
  if (!q.predicates.empty()) sql += " AND predicate IN (" + placeholders(q.predicates.size()) + ")";
  if (!q.since.empty()) sql += " AND date >= ?";
  if (!q.until.empty()) sql += " AND date <= ?";
  sql += " GROUP BY subject_id, object_id, predicate HAVING count(DISTINCT document_id) >= ? ORDER BY 1, 2, 3";
  Statement query(db, sql);
  if (!query.ok()) return Result<std::vector<GraphEdge>>::failure(query.error());
  int i = 1;
  for (const std::string& p : q.predicates) query.bind(i++, p);
  if (!q.since.empty()) query.bind(i++, q.since);
  if (!q.until.empty()) query.bind(i++, q.until + "~");  // "2022" ≤ "2022-05-10" ≤ "2022~"
  query.bind(i, q.min_weight);
  std::vector<GraphEdge> edges;
  while (query.row()) {
    GraphEdge e{query.column_int(0), query.column_int(1), query.column_text(2), query.column_int(3), {}};
    std::stringstream dates(query.column_text(4));
    std::string d;
    while (std::getline(dates, d, ',')) e.dates.push_back(d);
    std::sort(e.dates.begin(), e.dates.end());
    edges.push_back(std::move(e));
  }
  return edges;
}

// The sentence index of each mention of one document, by re-segmenting its text.
std::vector<std::pair<long long, size_t>> mentions_by_sentence(sqlite3* db, long long doc, const std::string& text) {
  const FoldedText f = fold_text(text);
  const auto words = split_words(f);
  const auto sentences = split_sentences(f, words, {});
  std::vector<std::pair<long long, size_t>> out;
  Statement q(db, "SELECT entity_id, start FROM mention WHERE document_id = ?");
  q.bind(1, doc);
  while (q.row()) {
    const size_t original = static_cast<size_t>(q.column_int(1));
    const size_t folded = std::lower_bound(f.origin.begin(), f.origin.end(), original) - f.origin.begin();
    auto s = std::upper_bound(sentences.begin(), sentences.end(), folded,
                              [](size_t pos, const Sentence& sent) { return pos < sent.end; });
    out.emplace_back(q.column_int(0), static_cast<size_t>(s - sentences.begin()));
  }
  return out;
}

// Co-occurrence: entities in the same document or sentence.
Result<std::vector<GraphEdge>> cooccurrence_edges(sqlite3* db, const GraphQuery& q) {
  std::map<std::pair<long long, long long>, long long> weight;
  // A date range keeps the documents published in it; one without a date is
  // outside every range.
  Statement docs(db,
                 "SELECT id, text FROM document WHERE (?1 = '' OR published >= ?1) "
                 "AND (?2 = '' OR published <= ?2 || '~') ORDER BY id");
  if (!docs.ok()) return Result<std::vector<GraphEdge>>::failure(docs.error());
  docs.bind(1, q.since).bind(2, q.until);
  while (docs.row()) {
    const long long doc = docs.column_int(0);
    std::map<size_t, std::set<long long>> groups;
    if (q.window == "document") {
      Statement m(db, "SELECT DISTINCT entity_id FROM mention WHERE document_id = ?");
      m.bind(1, doc);
      while (m.row()) groups[0].insert(m.column_int(0));
    } else {
      for (const auto& [entity, sentence] : mentions_by_sentence(db, doc, docs.column_text(1))) groups[sentence].insert(entity);
    }
    for (const auto& [unit, entities] : groups)
      for (auto a = entities.begin(); a != entities.end(); ++a)
        for (auto b = std::next(a); b != entities.end(); ++b) ++weight[{*a, *b}];
  }
  std::vector<GraphEdge> edges;
  for (const auto& [pair, w] : weight)
    if (w >= q.min_weight) edges.push_back({pair.first, pair.second, "cooccurs", w, {}});
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
  if (!all.ok()) return Result<Graph>::failure(all.error());
  while (all.row()) {
    auto it = nodes.find(all.column_int(0));
    if (it == nodes.end()) continue;
    it->second = GraphNode{all.column_int(0), all.column_text(2), all.column_text(1), {}, all.column_int(3), all.column_int(4)};
  }
  Statement aliases(db, "SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias");
  while (aliases.row()) {
    auto it = nodes.find(aliases.column_int(0));
    if (it != nodes.end()) it->second.aliases.push_back(aliases.column_text(1));
  }
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
  }
  for (long long id : used) g.nodes.push_back(std::move(nodes.at(id)));
  return g;
}

}  // namespace bilik
