// bilik export: the store's graph as a file for Gephi, networkx, igraph.
#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "bilik/graph_model.h"
#include "bilik/graph_writers.h"
#include "bilik/store.h"
#include "commands.h"
#include "options.h"
#include "output_path.h"

namespace bilik::cli {
namespace {

constexpr const char* kHelp = R"(usage: bilik export --format gexf|graphml|csv|json|nquads -o FILE [OPTIONS]

  --db FILE            the store (default graph.db), opened read-only
  --graph relations|cooccurrence   (default relations)
  --window sentence|document       cooccurrence unit (default sentence)
  --types T,T          keep nodes of these types (PERSON, STATE, ...)
  --predicates P,P     keep these predicates (relations)
  --since DATE, --until DATE       keep statements dated in this range (relations)
  --min-weight N       keep edges stated by at least N documents (or N co-occurrences)
  --gexf-version 1.3|1.2           1.2 writes 1.2draft for readers that lack 1.3
csv writes FILE-nodes.csv and FILE-edges.csv (FILE without .csv); nquads writes
the whole store as RDF (the filters do not apply).
)";

std::vector<std::string> list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

}  // namespace

int run_export(const Args& args, const std::string&) {
  auto opts = parse_options(args,
                            {"--db", "--format", "-o", "--output", "--graph", "--window", "--types", "--predicates",
                             "--since", "--until", "--min-weight", "--gexf-version"},
                            {"--help"});
  // "-o" arrives as a positional before its value; accept "-o FILE" too.
  if (opts) {
    for (size_t i = 0; i + 1 < opts->positional.size(); ++i)
      if (opts->positional[i] == "-o") {
        opts->values["--output"].push_back(opts->positional[i + 1]);
        opts->positional.erase(opts->positional.begin() + static_cast<long>(i), opts->positional.begin() + static_cast<long>(i) + 2);
        break;
      }
  }
  if (!opts || opts->has("--help") || opts->get("--format").empty() || opts->get("--output").empty()) {
    if (!opts) spdlog::error("export: {}", opts.error());
    std::fputs(kHelp, opts && opts->has("--help") ? stdout : stderr);
    return opts && opts->has("--help") ? 0 : 2;
  }
  GraphQuery q;
  q.graph = opts->get("--graph", "relations");
  q.window = opts->get("--window", "sentence");
  q.types = list(opts->get("--types"));
  q.predicates = list(opts->get("--predicates"));
  q.since = opts->get("--since");
  q.until = opts->get("--until");
  try {
    q.min_weight = std::stoll(opts->get("--min-weight", "1"));
  } catch (...) {
    spdlog::error("export: --min-weight needs a number");
    return 2;
  }
  const std::string format = opts->get("--format"), output = opts->get("--output"), db = opts->get("--db", "graph.db");
  const std::string csv_base = output.size() > 4 && output.substr(output.size() - 4) == ".csv"
                                   ? output.substr(0, output.size() - 4) : output;
  const std::vector<std::string> outputs =
      format == "csv" ? std::vector<std::string>{csv_base + "-nodes.csv", csv_base + "-edges.csv"}
                      : std::vector<std::string>{output};
  for (const std::string& path : outputs)
    if (Status s = refuse_store_as_output(path, db); !s) {
      spdlog::error("export: {}", s.error());
      return 2;
    }
  auto store = Store::open(db, Store::Mode::ReadOnly);
  if (!store) {
    spdlog::error("{}", store.error());
    return 2;
  }
  auto graph = load_graph((*store)->handle(), q);
  if (!graph) {
    spdlog::error("export: {}", graph.error());
    return 2;
  }
  auto write = [&](const std::string& path, auto writer) -> bool {
    std::ofstream out(path, std::ios::binary);
    if (!out) {
      spdlog::error("export: cannot write {}: {}", path, std::strerror(errno));
      return false;
    }
    writer(out);
    out.close();  // a full disk often shows only when the last buffer is written
    if (!out) {
      spdlog::error("export: {}: the write failed ({}); the file is incomplete", path, std::strerror(errno));
      return false;
    }
    return true;
  };
  bool ok;
  if (format == "gexf") {
    const std::string version = opts->get("--gexf-version", "1.3");
    ok = write(output, [&](std::ostream& o) { write_gexf(*graph, o, version); });
  } else if (format == "graphml") {
    ok = write(output, [&](std::ostream& o) { write_graphml(*graph, o); });
  } else if (format == "json") {
    ok = write(output, [&](std::ostream& o) { write_node_link_json(*graph, o); });
  } else if (format == "csv") {
    ok = write(outputs[0], [&](std::ostream& o) { write_csv_nodes(*graph, o); }) &&
         write(outputs[1], [&](std::ostream& o) { write_csv_edges(*graph, o); });
  } else if (format == "nquads") {
    ok = write(output, [&](std::ostream& o) { write_nquads((*store)->handle(), o); });
  } else {
    spdlog::error("export: unknown format '{}' (gexf, graphml, csv, json, nquads)", format);
    return 2;
  }
  if (!ok) return 2;
  std::printf("bilik export: %zu nodes, %zu edges (%s graph) → %s\n", graph->nodes.size(), graph->edges.size(),
              q.graph.c_str(), output.c_str());
  return 0;
}

}  // namespace bilik::cli
