#include "bilik/graph_writers.h"

namespace bilik {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void write_csv_nodes(const Graph& g, std::ostream& out) {
  out << "Id,Label,Type,Aliases,Mentions,Documents\n";
  for (const GraphNode& n : g.nodes) {
    std::string aliases;
    for (const std::string& a : n.aliases) aliases += (aliases.empty() ? "" : "|") + a;
    out << "n" << n.id << ',' << csv_field(n.label) << ',' << n.type << ',' << csv_field(aliases) << ',' << n.mentions << ','
        << n.documents << "\n";
  }
}

void write_csv_edges(const Graph& g, std::ostream& out) {
  // Gephi's edge table: Timeset lists the dates as <[d1, d2]> (a set of instants).
  out << "Source,Target,Type,Kind,Label,Weight,Timeset\n";
  for (const GraphEdge& e : g.edges) {
    std::string timeset;
    if (!e.dates.empty()) {
      timeset = "<[";
      for (size_t i = 0; i < e.dates.size(); ++i) timeset += (i ? ", " : "") + e.dates[i];
      timeset += "]>";
    }
    out << "n" << e.source << ",n" << e.target << ',' << (g.directed ? "Directed" : "Undirected") << ','
        << csv_field(e.kind) << ',' << csv_field(e.kind) << ',' << e.weight << ',' << csv_field(timeset) << "\n";
  }
}

}  // namespace bilik
