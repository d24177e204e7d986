#include "bilik/graph_writers.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <sstream>

namespace bilik {
namespace {

TEST(GraphWriters, XmlTextEscapesAndDropsWhatXmlForbids) {
  EXPECT_EQ(xml_text("Ərdoğan & “Akorda” <x>"), "Ərdoğan &amp; “Akorda” &lt;x&gt;");
  EXPECT_EQ(xml_text(std::string("a\x01" "b\x0B" "c", 5)), "abc");
  EXPECT_EQ(xml_text("\xEF\xBF\xBE" "d"), "d");  // U+FFFE is not an XML character
  EXPECT_EQ(xml_text("ə\tş\nı"), "ə\tş\nı");
}

TEST(GraphWriters, GexfKeepsEveryNameAndEdgeKind) {
  Graph g;
  g.nodes = {{1, "Qasım-Jomart Tokayev", "PERSON", {"Tokayev"}, 3, 1}, {2, "Türkiyə", "STATE", {}, 5, 1}};
  g.edges = {{1, 2, "visited", 2, {"2022-05-10", "2022"}}};
  std::ostringstream out;
  write_gexf(g, out, "1.3");
  const std::string xml = out.str();
  EXPECT_NE(xml.find("label=\"Qasım-Jomart Tokayev\""), std::string::npos);
  EXPECT_NE(xml.find("kind=\"visited\""), std::string::npos);
  // "2022" is the whole year, and takes in the day in it (issue 12).
  EXPECT_NE(xml.find("<spell start=\"2022-01-01\" end=\"2022-12-31\"/>"), std::string::npos) << xml;
  EXPECT_EQ(xml.find("<spell start=\"2022-05-10\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("mode=\"dynamic\""), std::string::npos);
}

// An inferred edge, as load_graph makes it.
Graph provenance_graph() {
  Graph g;
  g.nodes = {{1, "Azərbaycan", "STATE", {}, 3, 1, "2023-05", "2023-05"}, {2, "Şuşa Bəyannaməsi", "TREATY", {}, 1, 1, "2023-05", "2023-05"}};
  GraphEdge e{1, 2, "party_to", 1, {"2023-05"}};
  e.confidence = 0.8;
  e.rules = {"infer:signatory-state-party"};
  e.inferred = true;
  e.documents = 1;
  e.first_date = e.last_date = "2023-05";
  g.edges = {e};
  return g;
}

TEST(GraphWriters, EveryFormatCarriesProvenance) {
  const Graph g = provenance_graph();
  std::ostringstream gexf, graphml, json, nodes, edges;
  write_gexf(g, gexf);
  write_graphml(g, graphml);
  write_node_link_json(g, json);
  write_csv_nodes(g, nodes);
  write_csv_edges(g, edges);
  EXPECT_NE(gexf.str().find("<attribute id=\"inferred\" title=\"inferred\" type=\"boolean\"/>"), std::string::npos);
  EXPECT_NE(gexf.str().find("<attvalue for=\"confidence\" value=\"0.8\"/>"), std::string::npos) << gexf.str();
  EXPECT_NE(gexf.str().find("<attvalue for=\"rules\" value=\"infer:signatory-state-party\"/>"), std::string::npos);
  EXPECT_NE(gexf.str().find("<spell start=\"2023-05-01\" end=\"2023-05-31\"/>"), std::string::npos);
  EXPECT_NE(graphml.str().find("<data key=\"inferred\">true</data>"), std::string::npos) << graphml.str();
  EXPECT_NE(graphml.str().find("<data key=\"edge_first_date\">2023-05</data>"), std::string::npos);
  const auto doc = nlohmann::json::parse(json.str());
  EXPECT_EQ(doc["links"][0]["confidence"], 0.8);
  EXPECT_EQ(doc["links"][0]["inferred"], true);
  EXPECT_EQ(doc["nodes"][0]["first_date"], "2023-05");
  EXPECT_EQ(nodes.str(), "Id,Label,Type,Aliases,Mentions,Documents,First Date,Last Date\n"
                         "n1,Azərbaycan,STATE,,3,1,2023-05,2023-05\nn2,Şuşa Bəyannaməsi,TREATY,,1,1,2023-05,2023-05\n");
  EXPECT_EQ(edges.str(), "Source,Target,Type,Kind,Label,Weight,Timeset,Confidence,Rules,Inferred,Documents,First Date,Last Date\n"
                         "n1,n2,Directed,party_to,party_to,1,\"<[2023-05-01, 2023-05-31]>\",0.8,infer:signatory-state-party,true,1,"
                         "2023-05,2023-05\n");
}

TEST(GraphWriters, GexfDefaultsToTheVersionNetworkxReads) {
  Graph g;
  g.nodes = {{1, "Bakı", "LOCATION", {}, 1, 1}};
  std::ostringstream out;
  write_gexf(g, out);
  EXPECT_NE(out.str().find("xmlns=\"http://www.gexf.net/1.2draft\""), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("version=\"1.2\""), std::string::npos);
}

TEST(GraphWriters, NodeLinkJsonIsTypedAndHasBothEdgeKeys) {
  Graph g;
  g.nodes = {{1, "Tokayev", "PERSON", {}, 3, 1}, {2, "Türkiyə", "STATE", {}, 5, 2}};
  g.edges = {{1, 2, "visited", 2, {"2022-05-10"}}};
  std::ostringstream out;
  write_node_link_json(g, out);
  const auto doc = nlohmann::json::parse(out.str());
  EXPECT_EQ(doc["directed"], true);
  EXPECT_EQ(doc["nodes"][1]["mentions"], 5);
  ASSERT_EQ(doc["links"].size(), 1u);
  EXPECT_EQ(doc["links"], doc["edges"]);
  EXPECT_EQ(doc["links"][0]["weight"], 2);
}

TEST(GraphWriters, CsvQuotesFieldsThatNeedIt) {
  Graph g;
  g.nodes = {{7, "Bakı, \"paytaxt\"", "LOCATION", {}, 1, 1}};
  std::ostringstream out;
  write_csv_nodes(g, out);
  EXPECT_EQ(out.str(), "Id,Label,Type,Aliases,Mentions,Documents,First Date,Last Date\nn7,\"Bakı, \"\"paytaxt\"\"\",LOCATION,,1,1,,\n");
}

}  // namespace
}  // namespace bilik
