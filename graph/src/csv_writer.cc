#include <cstdio>

#include "bilik/date_interval.h"
#include "bilik/graph_writers.h"

namespace bilik {

std::string confidence_text(double confidence) {
  char out[32];
  std::snprintf(out, sizeof out, "%g", confidence);
  return out;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void write_csv_nodes(const Graph& g, std::ostream& out) {
  out << "Id,Label,Type,Aliases,Mentions,Documents,First Date,Last Date\n";
  for (const GraphNode& n : g.nodes) {
    std::string aliases;
    for (const std::string& a : n.aliases) aliases += (aliases.empty() ? "" : "|") + a;
    out << "n" << n.id << ',' << csv_field(n.label) << ',' << n.type << ',' << csv_field(aliases) << ',' << n.mentions << ','
        << n.documents << ',' << n.first_date << ',' << n.last_date << "\n";
  }
}

void write_csv_edges(const Graph& g, std::ostream& out) {
  // Gephi's edge table: Timeset is an interval set, <[first, last]; ...>,
  // each stored date spanning its year, month or day.
  out << "Source,Target,Type,Kind,Label,Weight,Timeset,Confidence,Rules,Inferred,Documents,First Date,Last Date\n";
  for (const GraphEdge& e : g.edges) {
    std::string timeset, rules;
    for (const DateInterval& d : merged_intervals(e.dates))
      timeset += (timeset.empty() ? "<[" : "; [") + d.first + ", " + d.last + "]";
    if (!timeset.empty()) timeset += ">";
    for (const std::string& r : e.rules) rules += (rules.empty() ? "" : "|") + r;
    out << "n" << e.source << ",n" << e.target << ',' << (g.directed ? "Directed" : "Undirected") << ','
        << csv_field(e.kind) << ',' << csv_field(e.kind) << ',' << e.weight << ',' << csv_field(timeset) << ','
        << confidence_text(e.confidence) << ',' << csv_field(rules) << ',' << (e.inferred ? "true" : "false") << ','
        << e.documents << ',' << e.first_date << ',' << e.last_date << "\n";
  }
}

}  // namespace bilik
