#include <map>

#include "bilik/graph_writers.h"

namespace bilik {
namespace {

struct Rgb {
  int r, g, b;
};

Rgb colour_of(const std::string& type) {
  static const std::map<std::string, Rgb> kColours{{"PERSON", {66, 133, 244}},      {"STATE", {219, 68, 55}},
                                                   {"ORGANIZATION", {244, 180, 0}}, {"TREATY", {15, 157, 88}},
                                                   {"LOCATION", {171, 71, 188}}};
  auto it = kColours.find(type);
  return it == kColours.end() ? Rgb{128, 128, 128} : it->second;
}

// GEXF's date type is a full day: "2022" → "2022-01-01", "2022-05" → "2022-05-01".
std::string gexf_date(const std::string& d) {
  if (d.size() == 4) return d + "-01-01";
  if (d.size() == 7) return d + "-01";
  return d.substr(0, 10);
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

}  // namespace

void write_gexf(const Graph& g, std::ostream& out, const std::string& version) {
  const bool v13 = version != "1.2";
  const std::string ns = v13 ? "http://gexf.net/1.3" : "http://www.gexf.net/1.2draft";
  bool dynamic = false;
  for (const GraphEdge& e : g.edges) dynamic = dynamic || !e.dates.empty();
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<gexf xmlns=\"" << ns << "\" xmlns:viz=\"" << ns << "/viz\" version=\"" << (v13 ? "1.3" : "1.2") << "\">\n"
      << "  <meta>\n    <creator>bilik</creator>\n    <description>Entities and relations extracted from "
         "Azerbaijani articles</description>\n  </meta>\n"
      << "  <graph defaultedgetype=\"" << (g.directed ? "directed" : "undirected") << "\""
      << (dynamic ? " mode=\"dynamic\" timeformat=\"date\"" : " mode=\"static\"") << ">\n"
      << "    <attributes class=\"node\">\n"
      << "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
      << "      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n"
      << "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n"
      << "      <attribute id=\"documents\" title=\"documents\" type=\"integer\"/>\n"
      << "    </attributes>\n"
      << "    <attributes class=\"edge\">\n"
      << "      <attribute id=\"predicate\" title=\"predicate\" type=\"string\"/>\n"
      << "    </attributes>\n"
      << "    <nodes count=\"" << g.nodes.size() << "\">\n";
  for (const GraphNode& n : g.nodes) {
    const Rgb c = colour_of(n.type);
    out << "      <node id=\"n" << n.id << "\" label=\"" << xml_text(n.label) << "\">\n"
        << "        <attvalues>\n"
        << "          <attvalue for=\"type\" value=\"" << n.type << "\"/>\n"
        << "          <attvalue for=\"aliases\" value=\"" << xml_text(join(n.aliases, "|")) << "\"/>\n"
        << "          <attvalue for=\"mentions\" value=\"" << n.mentions << "\"/>\n"
        << "          <attvalue for=\"documents\" value=\"" << n.documents << "\"/>\n"
        << "        </attvalues>\n"
        << "        <viz:color r=\"" << c.r << "\" g=\"" << c.g << "\" b=\"" << c.b << "\"/>\n"
        << "      </node>\n";
  }
  out << "    </nodes>\n    <edges count=\"" << g.edges.size() << "\">\n";
  for (size_t i = 0; i < g.edges.size(); ++i) {
    const GraphEdge& e = g.edges[i];
    out << "      <edge id=\"e" << i << "\" source=\"n" << e.source << "\" target=\"n" << e.target << "\"";
    if (v13) out << " kind=\"" << xml_text(e.kind) << "\"";
    out << " label=\"" << xml_text(e.kind) << "\" weight=\"" << e.weight << "\">\n"
        << "        <attvalues>\n          <attvalue for=\"predicate\" value=\"" << xml_text(e.kind) << "\"/>\n"
        << "        </attvalues>\n";
    if (!e.dates.empty()) {
      out << "        <spells>\n";
      for (const std::string& d : e.dates)
        out << "          <spell start=\"" << gexf_date(d) << "\" end=\"" << gexf_date(d) << "\"/>\n";
      out << "        </spells>\n";
    }
    out << "      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace bilik
