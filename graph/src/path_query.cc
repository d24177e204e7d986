#include <algorithm>
#include <map>
#include <functional>
#include <set>

#include "bilik/query.h"

namespace bilik {
namespace {

struct Step {
  long long from, to;
  std::string predicate;
  long long triple;
  bool reversed;  // the triple states "to predicate from"
};

// The triples touching one node, either direction, one per neighbour and predicate.
std::vector<Step> steps_from(sqlite3* db, long long node) {
  static const char* kSql =
      "SELECT subject_id, object_id, predicate, min(id) FROM triple WHERE object_id IS NOT NULL "
      "AND (subject_id = ?1 OR object_id = ?1) GROUP BY subject_id, object_id, predicate ORDER BY 1, 2, 3";
  sqlite3_stmt* stmt = nullptr;
  std::vector<Step> out;
  if (sqlite3_prepare_v2(db, kSql, -1, &stmt, nullptr) != SQLITE_OK) return out;
  sqlite3_bind_int64(stmt, 1, node);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    const long long s = sqlite3_column_int64(stmt, 0), o = sqlite3_column_int64(stmt, 1);
    out.push_back({node, s == node ? o : s, reinterpret_cast<const char*>(sqlite3_column_text(stmt, 2)),
                   sqlite3_column_int64(stmt, 3), s != node});
  }
  sqlite3_finalize(stmt);
  return out;
}

}  // namespace

Result<Table> shortest_paths(sqlite3* db, long long from, long long to, int max_hops, int max_paths) {
  // Breadth-first; every shortest way into a node is kept as a parent step.
  std::map<long long, int> depth{{from, 0}};
  std::map<long long, std::vector<Step>> parents;
  std::vector<long long> frontier{from};
  for (int d = 1; d <= max_hops && !frontier.empty() && !depth.count(to); ++d) {
    std::vector<long long> next;
    for (long long node : frontier) {
      for (const Step& s : steps_from(db, node)) {
        auto it = depth.find(s.to);
        if (it == depth.end()) {
          depth[s.to] = d;
          next.push_back(s.to);
        } else if (it->second != d) {
          continue;
        }
        parents[s.to].push_back(s);
      }
    }
    frontier = std::move(next);
  }
  Table t;
  t.columns = {"path", "step", "from", "predicate", "to", "document", "evidence"};
  if (!depth.count(to) || from == to) return t;
  // Every shortest path, walked back from the target.
  std::vector<std::vector<Step>> paths;
  std::vector<Step> current;
  std::function<void(long long)> back = [&](long long node) {
    if (static_cast<int>(paths.size()) >= max_paths) return;
    if (node == from) {
      paths.emplace_back(current.rbegin(), current.rend());
      return;
    }
    for (const Step& s : parents[node]) {
      current.push_back(s);
      back(s.from);
      current.pop_back();
    }
  };
  back(to);
  sqlite3_stmt* name = nullptr;
  sqlite3_stmt* evidence = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM entities WHERE id = ?", -1, &name, nullptr);
  sqlite3_prepare_v2(db,
                     "SELECT d.uri, CAST(substr(CAST(d.text AS BLOB), t.start + 1, t.\"end\" - t.start) AS TEXT) "
                     "FROM triple t JOIN document d ON d.id = t.document_id WHERE t.id = ?",
                     -1, &evidence, nullptr);
  auto text = [](sqlite3_stmt* stmt, long long id, int column) {
    sqlite3_reset(stmt);
    sqlite3_bind_int64(stmt, 1, id);
    std::string out;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, column))
      out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, column));
    return out;
  };
  for (size_t p = 0; p < paths.size(); ++p)
    for (size_t i = 0; i < paths[p].size(); ++i) {
      const Step& s = paths[p][i];
      // A step walked against its triple reads "← predicate": the next node is the subject.
      t.rows.push_back({Cell::integer(static_cast<long long>(p + 1)), Cell::integer(static_cast<long long>(i + 1)), text(name, s.from, 0),
                        s.reversed ? "← " + s.predicate : s.predicate,
                        text(name, s.to, 0), text(evidence, s.triple, 0), text(evidence, s.triple, 1)});
    }
  sqlite3_finalize(name);
  sqlite3_finalize(evidence);
  return t;
}

}  // namespace bilik
