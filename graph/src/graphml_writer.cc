#include "bilik/graph_writers.h"

namespace bilik {

void write_graphml(const Graph& g, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
      << "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
      << "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
      << "  <key id=\"aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
      << "  <key id=\"mentions\" for=\"node\" attr.name=\"mentions\" attr.type=\"long\"/>\n"
      << "  <key id=\"documents\" for=\"node\" attr.name=\"documents\" attr.type=\"long\"/>\n"
      << "  <key id=\"first_date\" for=\"node\" attr.name=\"first_date\" attr.type=\"string\"/>\n"
      << "  <key id=\"last_date\" for=\"node\" attr.name=\"last_date\" attr.type=\"string\"/>\n"
      << "  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n"
      << "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
      << "  <key id=\"dates\" for=\"edge\" attr.name=\"dates\" attr.type=\"string\"/>\n"
      << "  <key id=\"confidence\" for=\"edge\" attr.name=\"confidence\" attr.type=\"double\"/>\n"
      << "  <key id=\"rules\" for=\"edge\" attr.name=\"rules\" attr.type=\"string\"/>\n"
      << "  <key id=\"inferred\" for=\"edge\" attr.name=\"inferred\" attr.type=\"boolean\"/>\n"
      << "  <key id=\"edge_documents\" for=\"edge\" attr.name=\"documents\" attr.type=\"long\"/>\n"
      << "  <key id=\"edge_first_date\" for=\"edge\" attr.name=\"first_date\" attr.type=\"string\"/>\n"
      << "  <key id=\"edge_last_date\" for=\"edge\" attr.name=\"last_date\" attr.type=\"string\"/>\n"
      << "  <graph id=\"bilik\" edgedefault=\"" << (g.directed ? "directed" : "undirected") << "\">\n";
  for (const GraphNode& n : g.nodes) {
    std::string aliases;
    for (const std::string& a : n.aliases) aliases += (aliases.empty() ? "" : "|") + a;
    out << "    <node id=\"n" << n.id << "\">\n"
        << "      <data key=\"label\">" << xml_text(n.label) << "</data>\n"
        << "      <data key=\"type\">" << n.type << "</data>\n"
        << "      <data key=\"aliases\">" << xml_text(aliases) << "</data>\n"
        << "      <data key=\"mentions\">" << n.mentions << "</data>\n"
        << "      <data key=\"documents\">" << n.documents << "</data>\n"
        << "      <data key=\"first_date\">" << xml_text(n.first_date) << "</data>\n"
        << "      <data key=\"last_date\">" << xml_text(n.last_date) << "</data>\n"
        << "    </node>\n";
  }
  for (size_t i = 0; i < g.edges.size(); ++i) {
    const GraphEdge& e = g.edges[i];
    std::string dates;
    for (const std::string& d : e.dates) dates += (dates.empty() ? "" : " ") + d;
    out << "    <edge id=\"e" << i << "\" source=\"n" << e.source << "\" target=\"n" << e.target << "\">\n"
        << "      <data key=\"kind\">" << xml_text(e.kind) << "</data>\n"
        << "      <data key=\"weight\">" << e.weight << "</data>\n";
    if (!dates.empty()) out << "      <data key=\"dates\">" << dates << "</data>\n";
    std::string rules;
    for (const std::string& r : e.rules) rules += (rules.empty() ? "" : "|") + r;
    out << "      <data key=\"confidence\">" << confidence_text(e.confidence) << "</data>\n"
        << "      <data key=\"rules\">" << xml_text(rules) << "</data>\n"
        << "      <data key=\"inferred\">" << (e.inferred ? "true" : "false") << "</data>\n"
        << "      <data key=\"edge_documents\">" << e.documents << "</data>\n"
        << "      <data key=\"edge_first_date\">" << xml_text(e.first_date) << "</data>\n"
        << "      <data key=\"edge_last_date\">" << xml_text(e.last_date) << "</data>\n";
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
}

}  // namespace bilik
