#include <map>

#include "bilik/date_interval.h"
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
      << "      <attribute id=\"first_date\" title=\"first_date\" type=\"string\"/>\n"
      << "      <attribute id=\"last_date\" title=\"last_date\" type=\"string\"/>\n"
      << "    </attributes>\n"
      << "    <attributes class=\"edge\">\n"
      << "      <attribute id=\"predicate\" title=\"predicate\" type=\"string\"/>\n"
      << "      <attribute id=\"confidence\" title=\"confidence\" type=\"double\"/>\n"
      << "      <attribute id=\"rules\" title=\"rules\" type=\"string\"/>\n"
      << "      <attribute id=\"inferred\" title=\"inferred\" type=\"boolean\"/>\n"
      << "      <attribute id=\"documents\" title=\"documents\" type=\"integer\"/>\n"
      << "      <attribute id=\"first_date\" title=\"first_date\" type=\"string\"/>\n"
      << "      <attribute id=\"last_date\" title=\"last_date\" type=\"string\"/>\n"
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
        << "          <attvalue for=\"first_date\" value=\"" << xml_text(n.first_date) << "\"/>\n"
        << "          <attvalue for=\"last_date\" value=\"" << xml_text(n.last_date) << "\"/>\n"
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
        << "          <attvalue for=\"confidence\" value=\"" << confidence_text(e.confidence) << "\"/>\n"
        << "          <attvalue for=\"rules\" value=\"" << xml_text(join(e.rules, "|")) << "\"/>\n"
        << "          <attvalue for=\"inferred\" value=\"" << (e.inferred ? "true" : "false") << "\"/>\n"
        << "          <attvalue for=\"documents\" value=\"" << e.documents << "\"/>\n"
        << "          <attvalue for=\"first_date\" value=\"" << xml_text(e.first_date) << "\"/>\n"
        << "          <attvalue for=\"last_date\" value=\"" << xml_text(e.last_date) << "\"/>\n"
        << "        </attvalues>\n";
    // A stored date is an interval (a year, a month, a day): each spell runs
    // from its first day to its last, overlapping ones merged.
    const auto spells = merged_intervals(e.dates);
    if (!spells.empty()) {
      out << "        <spells>\n";
      for (const DateInterval& d : spells) out << "          <spell start=\"" << d.first << "\" end=\"" << d.last << "\"/>\n";
      out << "        </spells>\n";
    }
    out << "      </edge>\n";
  }
  out << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace bilik
