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
  EXPECT_NE(xml.find("<spell start=\"2022-01-01\" end=\"2022-01-01\"/>"), std::string::npos);
  EXPECT_NE(xml.find("mode=\"dynamic\""), std::string::npos);
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
  EXPECT_EQ(out.str(), "Id,Label,Type,Aliases,Mentions,Documents\nn7,\"Bakı, \"\"paytaxt\"\"\",LOCATION,,1,1\n");
}

}  // namespace
}  // namespace bilik
