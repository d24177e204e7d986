// Queries, the store summary and the graph's date filter over a small store
// built from real extractions.
#include "bilik/extraction.h"
#include "bilik/query.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <unistd.h>

#include "../extractor/test_pack.h"
#include "bilik/graph_model.h"
#include "bilik/store.h"
#include "bilik/store_stats.h"

namespace bilik {
namespace {

namespace fs = std::filesystem;

class QueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("bilik-query-" + std::to_string(::getpid()) + "-" +
                                          ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    fs::remove(path_);
    auto opened = Store::open(path_, Store::Mode::ReadWrite);
    ASSERT_TRUE(opened) << opened.error();
    store_ = std::move(*opened);
    put("nato.txt", "2022-06-29",
        "NATO Madriddə sammit keçirib. ABŞ və Türkiyə NATO-ya üzvdür. Prezident İlham Əliyev Tbilisiyə səfər edib.");
    put("baki.txt", "2024-03-13",
        "Azərbaycan Respublikasının Prezidenti İlham Əliyev martın 13-də Tbilisidə Gürcüstanın Baş naziri İrakli "
        "Kobaxidze ilə görüşüb. Gürcüstanın Baş naziri İrakli Kobaxidze Bakıda olub.");
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }

  void put(const std::string& uri, const std::string& published, const std::string& text) {
    Document doc{uri, "", published, text, ""};
    ASSERT_TRUE(store_->begin());
    ASSERT_TRUE(store_->put_document(doc, document_hash(doc), test::pack().hash, extract_document(text, test::pack(), published)));
    ASSERT_TRUE(store_->commit());
  }

  std::vector<long long> find(const std::string& name) {
    auto ids = find_entities(store_->handle(), name, &test::pack().morphology);
    EXPECT_TRUE(ids) << ids.error();
    return ids ? *ids : std::vector<long long>{};
  }

  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(QueryTest, FindsNamesWithSuffixesAfterAHyphenOrApostrophe) {
  const auto nato = find("NATO");
  ASSERT_EQ(nato.size(), 1u);
  for (const char* name : {"NATO-nun", "NATO-ya", "NATO'nun", "NATO\u2019nun", "nato-nun"}) EXPECT_EQ(find(name), nato) << name;
  const auto usa = find("ABŞ");
  ASSERT_EQ(usa.size(), 1u);
  for (const char* name : {"ABŞ-ın", "ABŞ'ın", "ABŞ-a"}) EXPECT_EQ(find(name), usa) << name;
  // What follows the mark must read as suffixes.
  EXPECT_TRUE(find("NATO-xyz").empty());
  EXPECT_TRUE(find("-nun").empty());
}

TEST_F(QueryTest, NeighboursAtTheSecondHopNeverListTheStartOrANearerEntity) {
  const auto aliyev = find("İlham Əliyev");
  ASSERT_FALSE(aliyev.empty());
  auto one = neighbors(store_->handle(), {aliyev.front()}, {.hops = 1});
  auto two = neighbors(store_->handle(), {aliyev.front()}, {.hops = 2});
  ASSERT_TRUE(one && two);
  ASSERT_FALSE(one->rows.empty());
  std::set<std::string> near{"İlham Əliyev"};
  for (const auto& row : one->rows) near.insert(row[1].text == "İlham Əliyev" ? row[3].text : row[1].text);
  size_t second = 0;
  for (const auto& row : two->rows) {
    EXPECT_EQ(row[0].kind, Cell::Kind::Integer);
    if (row[0].text != "2") continue;
    ++second;
    // A hop-2 row links a hop-1 entity to a new one: exactly one end is near.
    EXPECT_NE(near.count(row[1].text) + near.count(row[3].text), 2u) << row[1].text << " " << row[3].text;
  }
  EXPECT_GT(second, 0u);
}

TEST_F(QueryTest, CellsKeepTheirSqlTypes) {
  auto t = run_sql(store_->handle(), "SELECT 1 AS i, 2.5 AS r, NULL AS n, 'x' AS s");
  ASSERT_TRUE(t) << t.error();
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0][0].kind, Cell::Kind::Integer);
  EXPECT_EQ(t->rows[0][1].kind, Cell::Kind::Real);
  EXPECT_EQ(t->rows[0][2].kind, Cell::Kind::Null);
  EXPECT_EQ(t->rows[0][2].text, "");
  EXPECT_EQ(t->rows[0][3].kind, Cell::Kind::Text);
}

TEST_F(QueryTest, MatchRefusesAPredicateOutsideTheVocabulary) {
  auto t = match_patterns(store_->handle(), "?p foo ?x", &test::pack().morphology);
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().find("'foo' is not a predicate"), std::string::npos) << t.error();
}

TEST_F(QueryTest, StatsSummariseTheStore) {
  auto s = store_stats(store_->handle(), 3);
  ASSERT_TRUE(s) << s.error();
  EXPECT_EQ(s->documents, 2);
  EXPECT_EQ(s->undated_documents, 0);
  EXPECT_EQ(s->first_published, "2022-06-29");
  EXPECT_EQ(s->last_published, "2024-03-13");
  long long by_type = 0, by_predicate = 0;
  for (const auto& [type, n] : s->entities_by_type) by_type += n;
  for (const auto& [predicate, n] : s->triples_by_predicate) by_predicate += n;
  EXPECT_EQ(by_type, s->entities);
  EXPECT_EQ(by_predicate, s->triples);
  ASSERT_FALSE(s->most_connected.empty());
  EXPECT_LE(s->most_connected.size(), 3u);
  EXPECT_GE(s->most_connected.front().neighbours, s->most_connected.back().neighbours);
  EXPECT_GT(s->bytes, 0);
}

TEST_F(QueryTest, CooccurrenceKeepsTheDocumentsPublishedInTheRange) {
  auto edges = [&](const std::string& since, const std::string& until) {
    GraphQuery q;
    q.graph = "cooccurrence";
    q.window = "document";
    q.since = since;
    q.until = until;
    auto g = load_graph(store_->handle(), q);
    EXPECT_TRUE(g) << g.error();
    return g ? g->edges.size() : 0;
  };
  const size_t all = edges("", ""), in_2022 = edges("2022", "2022"), from_2024 = edges("2024-03", "");
  EXPECT_GT(in_2022, 0u);
  EXPECT_GT(from_2024, 0u);
  EXPECT_LT(in_2022, all);
  EXPECT_LT(from_2024, all);
  EXPECT_EQ(edges("2025", ""), 0u);
  GraphQuery q;
  q.graph = "cooccurrence";
  q.predicates = {"visited"};
  EXPECT_FALSE(load_graph(store_->handle(), q));
}

// "2022-ci ildə" dates a statement with the year only; the signature is the
// one the signatory-state-party inference joins (confidence 0.8).
constexpr const char* kYearAndInference =
    "Prezident İlham Əliyev 2022-ci ildə Gürcüstanın Baş naziri İrakli Kobaxidze ilə Tbilisidə görüşüb. "
    "Azərbaycan Prezidenti İlham Əliyev Şuşa Bəyannaməsini imzalayıb.";

TEST_F(QueryTest, AYearOnlyDateIsKeptByEveryRangeItOverlaps) {
  put("il.txt", "2023-05-10", kYearAndInference);
  auto dated_2022 = [&](const std::string& since, const std::string& until) {
    auto t = triples(store_->handle(), {.since = since, .until = until});
    EXPECT_TRUE(t) << t.error();
    size_t n = 0;
    for (const auto& row : t->rows) n += row[0].text == "İrakli Kobaxidze" && row[3].text == "2022";
    return n;
  };
  EXPECT_EQ(dated_2022("", ""), 1u);
  EXPECT_EQ(dated_2022("2022-01-01", "2022-12-31"), 1u);  // issue 12: was dropped
  EXPECT_EQ(dated_2022("2022", "2022"), 1u);
  EXPECT_EQ(dated_2022("2022-06-01", "2022-06-30"), 1u);
  EXPECT_EQ(dated_2022("2021-12-01", "2022-01-01"), 1u);
  EXPECT_EQ(dated_2022("2023-01-01", ""), 0u);
  EXPECT_EQ(dated_2022("", "2021-12-31"), 0u);
  // The graph's filter is the same: only the 2022 statement of the edge is kept.
  GraphQuery q;
  q.since = "2022-03-01";
  q.until = "2022-03-31";
  q.predicates = {"holds_position"};
  auto g = load_graph(store_->handle(), q);
  ASSERT_TRUE(g) << g.error();
  ASSERT_EQ(g->edges.size(), 1u);
  EXPECT_EQ(g->edges[0].dates, std::vector<std::string>{"2022"});
  EXPECT_EQ(g->edges[0].first_date, "2022");
  EXPECT_EQ(g->edges[0].last_date, "2022");
  for (const GraphNode& n : g->nodes) EXPECT_EQ(n.first_date, "2022") << n.label;
}

TEST_F(QueryTest, EdgesSayWhetherTheyAreInferredAndFiltersDropThem) {
  put("il.txt", "2023-05-10", kYearAndInference);
  auto party_to = [&](const GraphQuery& q) -> std::optional<GraphEdge> {
    auto g = load_graph(store_->handle(), q);
    EXPECT_TRUE(g) << g.error();
    for (const GraphEdge& e : g->edges)
      if (e.kind == "party_to") return e;
    return std::nullopt;
  };
  const auto inferred = party_to({});
  ASSERT_TRUE(inferred);
  EXPECT_TRUE(inferred->inferred);
  EXPECT_DOUBLE_EQ(inferred->confidence, 0.8);
  EXPECT_EQ(inferred->rules, std::vector<std::string>{"infer:signatory-state-party"});
  EXPECT_EQ(inferred->documents, 1);
  EXPECT_EQ(inferred->first_date, "2023-05-10");
  GraphQuery stated;
  stated.stated_only = true;
  EXPECT_FALSE(party_to(stated));
  GraphQuery confident;
  confident.min_confidence = 0.85;
  EXPECT_FALSE(party_to(confident));
  auto g = load_graph(store_->handle(), confident);
  ASSERT_TRUE(g);
  ASSERT_FALSE(g->edges.empty());
  for (const GraphEdge& e : g->edges) {
    EXPECT_GE(e.confidence, 0.85);
    EXPECT_FALSE(e.inferred);
  }
  auto t = triples(store_->handle(), {.stated_only = true});
  ASSERT_TRUE(t) << t.error();
  for (const auto& row : t->rows) EXPECT_EQ(row[9].text.rfind("infer:", 0), std::string::npos) << row[9].text;
  auto all = triples(store_->handle(), {});
  ASSERT_TRUE(all);
  EXPECT_GT(all->rows.size(), t->rows.size());
  GraphQuery co;
  co.graph = "cooccurrence";
  co.stated_only = true;
  EXPECT_FALSE(load_graph(store_->handle(), co));
}

}  // namespace
}  // namespace bilik
