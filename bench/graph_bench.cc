// Query and export speed on a large store.
//
//   build/bench/graph_bench STORE.db
//
// Times `neighbors` (one hop) for 1,000 entities drawn at random, `path`
// between entities of different replicas, and loading plus writing the whole
// relations graph as GEXF. bench/graph_bench.sh builds a store of a million
// triples from real extractions and runs this.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>

#include "bilik/graph_model.h"
#include "bilik/graph_writers.h"
#include "bilik/query.h"
#include "bilik/store.h"

using Clock = std::chrono::steady_clock;

static double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  auto store = bilik::Store::open(argv[1], bilik::Store::Mode::ReadOnly);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().c_str());
    return 2;
  }
  sqlite3* db = (*store)->handle();
  auto count = bilik::run_sql(db, "SELECT (SELECT count(*) FROM triple), (SELECT count(*) FROM entity), "
                                  "(SELECT max(id) FROM entity), (SELECT min(subject_id) FROM triple)");
  const long long triples = std::stoll(count->rows[0][0].text), entities = std::stoll(count->rows[0][1].text);
  const long long max_id = std::stoll(count->rows[0][2].text);
  std::printf("store: %lld triples, %lld entities\n", triples, entities);

  auto subjects = bilik::run_sql(db, "SELECT DISTINCT subject_id FROM triple ORDER BY random() LIMIT 1000");
  auto t0 = Clock::now();
  size_t rows = 0;
  for (const auto& r : subjects->rows) rows += bilik::neighbors(db, {std::stoll(r[0].text)}, bilik::NeighborQuery{})->rows.size();
  const double per = since(t0) / subjects->rows.size();
  std::printf("neighbors (1 hop): %.3f ms per lookup over %zu entities, %.1f rows each\n", per * 1000,
              subjects->rows.size(), static_cast<double>(rows) / subjects->rows.size());

  // Pairs three bridge hops apart (graph_bench.sh links the replicas' hubs), else random pairs.
  auto pairs = bilik::run_sql(db,
                              "SELECT a.subject_id, c.object_id FROM triple a "
                              "JOIN triple b ON b.subject_id = a.object_id AND b.rule = 'bench' "
                              "JOIN triple c ON c.subject_id = b.object_id AND c.rule = 'bench' "
                              "WHERE a.rule = 'bench' LIMIT 20");
  if (pairs->rows.empty())
    for (size_t i = 0; i + 1 < subjects->rows.size() && i < 20; ++i)
      pairs->rows.push_back({subjects->rows[i][0], subjects->rows[i + 1][0]});
  t0 = Clock::now();
  size_t found = 0, steps = 0;
  for (const auto& p : pairs->rows) {
    auto path = bilik::shortest_paths(db, std::stoll(p[0].text), std::stoll(p[1].text), 4, 1);
    found += !path->rows.empty();
    steps += path->rows.size();
  }
  std::printf("path (max 4 hops): %.1f ms per query, %zu of %zu pairs connected (%zu steps in all)\n",
              since(t0) / pairs->rows.size() * 1000, found, pairs->rows.size(), steps);

  t0 = Clock::now();
  auto graph = bilik::load_graph(db, {});
  const double load = since(t0);
  t0 = Clock::now();
  std::ofstream out("/dev/null");
  bilik::write_gexf(*graph, out);
  std::printf("export: %zu nodes, %zu edges loaded in %.1f s, GEXF written in %.1f s\n", graph->nodes.size(),
              graph->edges.size(), load, since(t0));
  (void)max_id;
  return 0;
}
