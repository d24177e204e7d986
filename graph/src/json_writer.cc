#include <nlohmann/json.hpp>

#include "bilik/graph_writers.h"

namespace bilik {

void write_node_link_json(const Graph& g, std::ostream& out) {
  nlohmann::json doc = {{"directed", g.directed}, {"multigraph", true}, {"graph", nlohmann::json::object()}};
  doc["nodes"] = nlohmann::json::array();
  for (const GraphNode& n : g.nodes)
    doc["nodes"].push_back({{"id", "n" + std::to_string(n.id)},
                            {"label", n.label},
                            {"type", n.type},
                            {"aliases", n.aliases},
                            {"mentions", n.mentions},
                            {"documents", n.documents},
                            {"first_date", n.first_date},
                            {"last_date", n.last_date}});
  doc["links"] = nlohmann::json::array();
  for (size_t i = 0; i < g.edges.size(); ++i) {
    const GraphEdge& e = g.edges[i];
    doc["links"].push_back({{"source", "n" + std::to_string(e.source)},
                            {"target", "n" + std::to_string(e.target)},
                            {"key", i},
                            {"kind", e.kind},
                            {"weight", e.weight},
                            {"dates", e.dates},
                            {"confidence", e.confidence},
                            {"rules", e.rules},
                            {"inferred", e.inferred},
                            {"documents", e.documents},
                            {"first_date", e.first_date},
                            {"last_date", e.last_date}});
  }
  // networkx before 3.4 reads edges from "links" by default, 3.6 from
  // "edges"; both keys hold the same list so either reads the file as is.
  doc["edges"] = doc["links"];
  out << doc.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace bilik
