// bilik export: the store's graph as a file for Gephi, networkx, igraph.
#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <type_traits>
#include <vector>

#include "bilik/date_interval.h"
#include "bilik/graph_model.h"
#include "bilik/graph_writers.h"
#include "bilik/store.h"
#include "commands.h"
#include "curation_options.h"
#include "option_values.h"
#include "options.h"
#include "output_path.h"
#include "wording.h"

namespace bilik::cli {
namespace {

constexpr const char* kHelp = R"(usage: bilik export --format gexf|graphml|csv|json|nquads -o FILE|- [OPTIONS]

Writes the store's graph for Gephi (gexf, csv), networkx and igraph
(graphml, json) or RDF tools (nquads). -o - writes to standard output.

  --db FILE            the store (default graph.db), opened read-only
  --curation FILE      fixes to apply to what is written, not to the store
                       (default: STORE.curation if it exists)
  -o, --output FILE    where to write; - for standard output
  --graph relations|cooccurrence   (default relations)
  --window sentence|document       cooccurrence unit (default sentence)
  --types T,T          keep nodes of these types: PERSON, STATE, ORGANIZATION, TREATY, LOCATION
  --predicates P,P     keep these predicates (relations graph; schema/predicates.json)
  --since DATE, --until DATE
                       YYYY, YYYY-MM or YYYY-MM-DD: keep statements dated in this range
                       (relations), or documents published in it (cooccurrence); a
                       stored date is its whole year, month or day, kept when it
                       overlaps the range ("2022" is kept by --since 2022-06-01)
  --min-weight N       keep edges stated by at least N documents (or N co-occurrences)
  --min-confidence X   relations: keep statements whose confidence is at least X (0 to 1)
  --stated-only        relations: drop inferred statements (rule infer:<id>)
  --gexf-version 1.2|1.3
                       1.2 (default) is GEXF 1.2draft, which Gephi and networkx
                       (read_gexf's default; 2.8 reads no other) both read;
                       1.3 for Gephi 0.10 and networkx 3.x (read_gexf(path, version="1.3"))

Every edge carries its provenance: confidence (the highest of its
statements), rules, inferred (true when no statement of it is stated),
documents, first_date and last_date; every node its type, aliases,
first_date and last_date (docs/gephi.md). The statement filters apply
before edges are weighed, so an edge keeps only what passes them.

json is node-link JSON that networkx.node_link_graph reads with its defaults
(edges under "links" and "edges"). csv writes FILE-nodes.csv and
FILE-edges.csv (FILE without .csv). nquads writes the whole store as RDF (the
filters do not apply), each triple with an rdf:Statement giving its
confidence, rule, inferred and date. A file is written whole or not at all:
a damaged store is reported (exit 2) and leaves no file behind.

examples:
  bilik export --db news.db --format gexf -o news.gexf
  bilik export --db news.db --graph cooccurrence --since 2022 --types PERSON,STATE --format graphml -o people.graphml
  bilik export --db news.db --curation fixes.txt --format csv -o news.csv
  bilik export --db news.db --format json -o - | python3 -c 'import json,sys,networkx; print(networkx.node_link_graph(json.load(sys.stdin)))'
)";

}  // namespace

int run_export(const Args& args, const std::string&) {
  auto opts = parse_options(args,
                            {"--db", "--format", "--output", "--graph", "--window", "--types", "--predicates", "--since",
                             "--until", "--min-weight", "--gexf-version", "--min-confidence", "--curation"},
                            {"--help", "--stated-only"});
  if (!opts) return usage_error("export", opts.error());
  if (opts->has("--help")) {
    std::fputs(kHelp, stdout);
    return 0;
  }
  // Every value is checked before the store is opened or a file written.
  if (!opts->positional.empty()) return usage_error("export", "unexpected argument '" + opts->positional[0] + "'");
  if (!opts->given("--format")) return usage_error("export", "--format is needed (gexf, graphml, csv, json, nquads)");
  auto format = one_of("--format", opts->get("--format"), {"gexf", "graphml", "csv", "json", "nquads"});
  if (!format) return usage_error("export", format.error());
  if (opts->get("--output").empty()) return usage_error("export", "-o FILE is needed (- for standard output)");
  const std::string output = opts->get("--output");
  const bool to_stdout = output == "-";
  if (to_stdout && *format == "csv")
    return usage_error("export", "-o -: csv writes two files (nodes and edges); give a file name");
  // An option that would change nothing is refused, never silently ignored.
  if (*format == "nquads")
    for (const char* option : {"--graph", "--window", "--types", "--predicates", "--since", "--until", "--min-weight",
                               "--min-confidence", "--stated-only"})
      if (opts->given(option) || opts->has(option))
        return usage_error("export", std::string(option) + " does not apply to nquads, which writes the whole store");
  if (opts->given("--gexf-version") && *format != "gexf")
    return usage_error("export", "--gexf-version applies to --format gexf only");
  if (opts->given("--window") && opts->get("--graph") != "cooccurrence")
    return usage_error("export", "--window applies to --graph cooccurrence only");
  GraphQuery q;
  auto graph_kind = one_of("--graph", opts->get("--graph", "relations"), {"relations", "cooccurrence"});
  if (!graph_kind) return usage_error("export", graph_kind.error());
  q.graph = *graph_kind;
  auto window = one_of("--window", opts->get("--window", "sentence"), {"sentence", "document"});
  if (!window) return usage_error("export", window.error());
  q.window = *window;
  if (opts->given("--types")) {
    auto types = entity_types("--types", opts->get("--types"));
    if (!types) return usage_error("export", types.error());
    q.types = *types;
  }
  if (opts->given("--predicates")) {
    if (q.graph != "relations")
      return usage_error("export", "--predicates filters the relations graph; the cooccurrence graph has no predicates");
    auto kept = predicates("--predicates", opts->get("--predicates"));
    if (!kept) return usage_error("export", kept.error());
    q.predicates = *kept;
  }
  for (const char* option : {"--since", "--until"}) {
    if (!opts->given(option)) continue;
    auto date = iso_date(option, opts->get(option));
    if (!date) return usage_error("export", date.error());
    (std::string(option) == "--since" ? q.since : q.until) = *date;
  }
  if (!q.since.empty() && !q.until.empty() && date_range(q.since, q.until).last < date_range(q.since, q.until).first)
    return usage_error("export", "--until " + q.until + " is before --since " + q.since);
  auto min_weight = whole_number("--min-weight", opts->get("--min-weight", "1"), 1, 1'000'000'000);
  if (!min_weight) return usage_error("export", min_weight.error());
  q.min_weight = *min_weight;
  if (q.graph != "relations")
    for (const char* option : {"--min-confidence", "--stated-only"})
      if (opts->given(option) || opts->has(option))
        return usage_error("export", std::string(option) + " filters the relations graph; the cooccurrence graph has no confidence");
  auto min_confidence = fraction("--min-confidence", opts->get("--min-confidence", "0"));
  if (!min_confidence) return usage_error("export", min_confidence.error());
  q.min_confidence = *min_confidence;
  q.stated_only = opts->has("--stated-only");
  auto gexf_version = one_of("--gexf-version", opts->get("--gexf-version", "1.2"), {"1.2", "1.3"});
  if (!gexf_version) return usage_error("export", gexf_version.error());

  // No output may be the store or one of its journal files.
  const std::string db = opts->get("--db", "graph.db");
  const std::string csv_base = output.size() > 4 && output.substr(output.size() - 4) == ".csv"
                                   ? output.substr(0, output.size() - 4) : output;
  const std::vector<std::string> outputs =
      *format == "csv" ? std::vector<std::string>{csv_base + "-nodes.csv", csv_base + "-edges.csv"}
                       : std::vector<std::string>{output};
  if (!to_stdout)
    for (const std::string& path : outputs)
      if (Status s = refuse_store_as_output(path, db); !s) return usage_error("export", s.error());

  auto curation = read_curation(*opts, db);
  if (!curation) {
    spdlog::error("{}", curation.error());
    return 2;
  }
  auto store = Store::open(db, Store::Mode::ReadOnly);
  if (!store) {
    spdlog::error("{}", store.error());
    return 2;
  }
  // Curation applies to a copy in memory: an export never writes the store.
  if (!curation->empty()) {
    auto copy = (*store)->copy_in_memory();
    if (!copy) {
      spdlog::error("{}", copy.error());
      return 2;
    }
    if (Status s = curate_store(**copy, *curation); !s) {
      spdlog::error("export: {}", s.error());
      return 2;
    }
    *store = std::move(*copy);
  }
  // nquads writes the whole store, not a graph read through the filters.
  auto graph = *format == "nquads" ? Result<Graph>(Graph{}) : load_graph((*store)->handle(), q);
  if (!graph) {
    spdlog::error("export: {}", graph.error());
    return 2;
  }
  std::vector<std::pair<std::string, FileWriter>> files;
  auto add = [&](const std::string& path, auto writer) {
    files.emplace_back(path, [writer](std::ostream& o) -> Status {
      if constexpr (std::is_same_v<decltype(writer(o)), Status>) {
        return writer(o);
      } else {
        writer(o);
        return {};
      }
    });
  };
  if (*format == "gexf") {
    add(output, [&](std::ostream& o) { write_gexf(*graph, o, *gexf_version); });
  } else if (*format == "graphml") {
    add(output, [&](std::ostream& o) { write_graphml(*graph, o); });
  } else if (*format == "json") {
    add(output, [&](std::ostream& o) { write_node_link_json(*graph, o); });
  } else if (*format == "csv") {
    add(outputs[0], [&](std::ostream& o) { write_csv_nodes(*graph, o); });
    add(outputs[1], [&](std::ostream& o) { write_csv_edges(*graph, o); });
  } else {
    add(output, [&](std::ostream& o) { return write_nquads((*store)->handle(), o); });
  }
  if (to_stdout) {
    if (Status s = files[0].second(std::cout); !s) {
      spdlog::error("export: {}; standard output got an incomplete file", s.error());
      return 2;
    }
    std::cout.flush();
    if (!std::cout) {
      spdlog::error("export: writing standard output failed (disk full, or a closed pipe)");
      return 2;
    }
  } else if (Status s = write_whole_files(files); !s) {
    spdlog::error("export: {}", s.error());
    return 2;
  }
  // The summary never mixes with the graph on standard output.
  if (*format == "nquads") {
    std::fprintf(to_stdout ? stderr : stdout, "bilik export: the whole store as N-Quads → %s\n",
                 to_stdout ? "standard output" : output.c_str());
    return 0;
  }
  std::fprintf(to_stdout ? stderr : stdout, "bilik export: %s, %s (%s graph) → %s\n",
               count(static_cast<long long>(graph->nodes.size()), "node").c_str(),
               count(static_cast<long long>(graph->edges.size()), "edge").c_str(), q.graph.c_str(),
               to_stdout ? "standard output" : output.c_str());
  if (graph->edges.empty()) spdlog::warn("export: no edge passes the filters");
  return 0;
}

}  // namespace bilik::cli
