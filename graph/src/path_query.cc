#include <algorithm>
#include <map>
#include <functional>
#include <set>

#include "bilik/query.h"
#include "statement.h"

namespace bilik {
namespace {

struct Step {
  long long from, to;
  std::string predicate;
  long long triple;
  bool reversed;  // the triple states "to predicate from"
};

// The triples touching one node, either direction, one per neighbour and predicate.
Result<std::vector<Step>> steps_from(sqlite3* db, long long node) {
  Statement q(db,
              "SELECT subject_id, object_id, predicate, min(id) FROM triple WHERE object_id IS NOT NULL "
              "AND (subject_id = ?1 OR object_id = ?1) GROUP BY subject_id, object_id, predicate ORDER BY 1, 2, 3");
  q.bind(1, node);
  std::vector<Step> out;
  Status read = q.each([&] {
    const long long s = q.column_int(0), o = q.column_int(1);
    out.push_back({node, s == node ? o : s, q.column_text(2), q.column_int(3), s != node});
  });
  if (!read) return Result<std::vector<Step>>::failure(read.error());
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
      auto steps = steps_from(db, node);
      if (!steps) return Result<Table>::failure(steps.error());
      for (const Step& s : *steps) {
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
  Statement name(db, "SELECT name FROM entities WHERE id = ?");
  Statement evidence(db,
                     "SELECT d.uri, CAST(substr(CAST(d.text AS BLOB), t.start + 1, t.\"end\" - t.start) AS TEXT) "
                     "FROM triple t JOIN document d ON d.id = t.document_id WHERE t.id = ?");
  Status failed;
  // One column of the row `id` finds; "" when none, and `failed` on a store error.
  auto text = [&](Statement& q, long long id, int column) {
    q.reset();
    q.bind(1, id);
    auto found = q.next();
    if (!found) failed = Status::failure(found.error());
    return found && *found ? q.column_text(column) : std::string();
  };
  for (size_t p = 0; p < paths.size(); ++p)
    for (size_t i = 0; i < paths[p].size(); ++i) {
      const Step& s = paths[p][i];
      // A step walked against its triple reads "← predicate": the next node is the subject.
      t.rows.push_back({Cell::integer(static_cast<long long>(p + 1)), Cell::integer(static_cast<long long>(i + 1)), text(name, s.from, 0),
                        s.reversed ? "← " + s.predicate : s.predicate,
                        text(name, s.to, 0), text(evidence, s.triple, 0), text(evidence, s.triple, 1)});
      if (!failed) return Result<Table>::failure(failed.error());
    }
  return t;
}

}  // namespace bilik
