// Ingest: documents extracted and stored in batches, unchanged ones skipped,
// a text under a second name recorded as a source (ingest.h).
#include "bilik/ingest.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "../extractor/test_pack.h"

namespace bilik {
namespace {

namespace fs = std::filesystem;

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("bilik-ingest-" + std::to_string(::getpid()) + ".db")).string();
    TearDown();
  }
  void TearDown() override {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }
  // Stores `documents` through one Ingest and returns its counts.
  Ingest::Counts ingest(const std::vector<Document>& documents, unsigned jobs) {
    auto store = Store::open(path_, Store::Mode::ReadWrite);
    EXPECT_TRUE(store) << store.error();
    Ingest in(**store, &test::pack(), jobs);
    for (const Document& d : documents) EXPECT_TRUE(in.add(d, document_hash(d)));
    EXPECT_TRUE(in.finish());
    return in.counts();
  }
  long long scalar(const std::string& sql) {
    auto store = Store::open(path_, Store::Mode::ReadOnly);
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2((*store)->handle(), sql.c_str(), -1, &q, nullptr);
    const long long v = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
    sqlite3_finalize(q);
    return v;
  }
  // Every index of the store, "name: sql", one a line.
  std::string indexes() {
    auto store = Store::open(path_, Store::Mode::ReadOnly);
    EXPECT_TRUE(store) << store.error();
    std::string out;
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2((*store)->handle(), "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'index' "
                                           "ORDER BY name", -1, &q, nullptr);
    while (sqlite3_step(q) == SQLITE_ROW)
      out += std::string(reinterpret_cast<const char*>(sqlite3_column_text(q, 0))) + ": " +
             reinterpret_cast<const char*>(sqlite3_column_text(q, 1)) + "\n";
    sqlite3_finalize(q);
    return out;
  }
  std::string path_;
};

TEST_F(IngestTest, StoresEveryBatchInOrderAndFoldsASecondNameOfOneText) {
  std::vector<Document> documents;
  // More than two batches, so three are in flight at once.
  for (size_t i = 0; i < 2 * Ingest::kBatchDocuments + 7; ++i)
    documents.push_back({"/x/" + std::to_string(i) + ".txt", "", "",
                         "Prezident İlham Əliyev " + std::to_string(i) + " nömrəli görüşdə Ərdoğanla danışıb.", ""});
  documents.push_back({"/mirror/0.txt", "", "", documents[0].text, "https://example.az/0"});
  const Ingest::Counts first = ingest(documents, 2);
  EXPECT_EQ(first.stored, 2 * Ingest::kBatchDocuments + 7);
  EXPECT_EQ(first.folded, 1u);
  EXPECT_EQ(scalar("SELECT count(*) FROM documents"), static_cast<long long>(first.stored));
  EXPECT_EQ(scalar("SELECT count(*) FROM document_sources"), static_cast<long long>(first.stored + 1));
  EXPECT_EQ(scalar("SELECT count(*) FROM entities WHERE name = 'İlham Əliyev'"), 1);
  // The same documents again, on one thread: all unchanged, nothing written.
  const Ingest::Counts again = ingest(documents, 1);
  EXPECT_EQ(again.stored + again.folded, 0u);
  EXPECT_EQ(again.unchanged, documents.size());
}

// The writer's transactions leave foreign keys unchecked (store.h,
// begin_documents): a document replaced or left without a name must still
// take every row that names it.
TEST_F(IngestTest, ReplacedDocumentsLeaveNoRowsBehind) {
  const std::string prices = "Bakıda 12 mart 2024-cü ildə Azərbaycan Prezidenti İlham Əliyev Gürcüstanın Baş naziri "
                             "ilə görüşüb; neftin qiyməti 80 dollar olub.";
  const std::string visit = "Türkiyə Prezidenti Rəcəb Tayyib Ərdoğan 5 aprel 2023-cü ildə Azərbaycana səfər edib və "
                            "Şuşada 3 saziş imzalanıb.";
  const std::string talks = "Qazaxıstan Prezidenti Qasım-Jomart Tokayev 2022-ci ildə Astanada Azərbaycan Prezidenti "
                            "İlham Əliyevlə danışıqlar aparıb.";
  ingest({{"/news/a.txt", "", "", prices, ""}, {"/news/b.txt", "", "", visit, ""}}, 1);
  ASSERT_GT(scalar("SELECT count(*) FROM mention"), 0);
  // a.txt now holds b's text (a's old document goes), b.txt a new text.
  const Ingest::Counts second =
      ingest({{"/news/a.txt", "", "", visit, ""}, {"/news/b.txt", "", "", talks, ""}}, 1);
  EXPECT_EQ(second.folded, 1u);
  EXPECT_EQ(second.stored, 1u);
  EXPECT_EQ(scalar("SELECT count(*) FROM documents"), 2);
  EXPECT_EQ(scalar("SELECT count(*) FROM documents WHERE text LIKE 'Bakıda%'"), 0);
  EXPECT_EQ(scalar("SELECT count(*) FROM pragma_foreign_key_check"), 0);
  for (const char* table : {"mention", "figure", "date_expr", "triple", "entity_name", "entity_link", "document_source"})
    EXPECT_EQ(scalar(std::string("SELECT count(*) FROM ") + table +
                     " WHERE document_id NOT IN (SELECT id FROM document)"), 0) << table;
  EXPECT_GT(scalar("SELECT count(*) FROM figure"), 0);
  EXPECT_GT(scalar("SELECT count(*) FROM date_expr"), 0);
  // Foreign keys are checked again once the writer is done.
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store) << store.error();
  Ingest in(**store, &test::pack(), 1);
  EXPECT_TRUE(in.add({"/news/c.txt", "", "", prices, ""}, document_hash({"/news/c.txt", "", "", prices, ""})));
  EXPECT_TRUE(in.finish());
  EXPECT_NE(sqlite3_exec((*store)->handle(), "INSERT INTO mention(document_id, entity_id, start, \"end\", surface, "
                         "gram_case, rule) VALUES(999999, 999999, 0, 1, 'x', 'nom', 'r')", nullptr, nullptr, nullptr),
            SQLITE_OK);
}

// The writer remembers entity_key between its transactions; another
// connection that changed the store meanwhile must not leave it stale.
TEST_F(IngestTest, AnotherWriterBetweenBatchesIsSeen) {
  const Document talks{"/news/talks.txt", "", "", "Qazaxıstan Prezidenti Qasım-Jomart Tokayev Astanada Azərbaycan "
                       "Prezidenti İlham Əliyevlə danışıqlar aparıb.", ""};
  auto writer = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(writer) << writer.error();
  auto ingest_one = [&](const Document& d) {
    Ingest in(**writer, &test::pack(), 1);
    EXPECT_TRUE(in.add(d, document_hash(d)));
    EXPECT_TRUE(in.finish());
  };
  ingest_one(talks);
  const long long keys = scalar("SELECT count(*) FROM entity_key");
  ASSERT_GT(keys, 0);
  {  // Another process empties the store: the same entity ids come back next.
    auto other = Store::open(path_, Store::Mode::ReadWrite);
    ASSERT_TRUE(other) << other.error();
    ASSERT_EQ(sqlite3_exec((*other)->handle(), "DELETE FROM document", nullptr, nullptr, nullptr), SQLITE_OK);
    ASSERT_TRUE((*other)->remove_orphans());
  }
  ASSERT_EQ(scalar("SELECT count(*) FROM entity_key"), 0);
  ingest_one(talks);
  EXPECT_EQ(scalar("SELECT count(*) FROM entity_key"), keys);
  // So a later document still finds the entity by its name.
  ingest_one({"/news/again.txt", "", "", "Qasım-Jomart Tokayev Bakıya gəlib.", ""});
  EXPECT_EQ(scalar("SELECT count(*) FROM entities WHERE name = 'Qasım-Jomart Tokayev'"), 1);
}

// Into an empty store the run builds its indexes by entity, key and document
// at its end (Store::defer_indexes); a document replaced meanwhile needs them
// at once, and the store ends with exactly the indexes its schema makes.
TEST_F(IngestTest, AnEmptyStoreGetsEveryIndexBackAtTheEndOfTheRun) {
  { auto empty = Store::open(path_, Store::Mode::ReadWrite); ASSERT_TRUE(empty) << empty.error(); }
  const std::string schema = indexes();
  ASSERT_NE(schema.find("mention_by_entity: CREATE INDEX mention_by_entity ON mention(entity_id)"), std::string::npos);
  TearDown();
  const std::string first = "Azərbaycan Prezidenti İlham Əliyev 3 may 2024-cü ildə Bakıda Gürcüstanın Baş naziri ilə "
                            "görüşüb.";
  const std::string second = "Türkiyə Prezidenti Rəcəb Tayyib Ərdoğan Şuşaya səfər edib və 2 saziş imzalanıb.";
  // The same name twice in one run: its first document goes with every row.
  const Ingest::Counts counts =
      ingest({{"/x/a.txt", "", "", first, ""}, {"/x/b.txt", "", "", second, ""}, {"/x/a.txt", "", "", second + " Yenə.", ""}}, 1);
  EXPECT_EQ(counts.stored, 3u);
  EXPECT_EQ(indexes(), schema);
  EXPECT_EQ(scalar("SELECT count(*) FROM documents"), 2);
  EXPECT_EQ(scalar("SELECT count(*) FROM documents WHERE text LIKE 'Azərbaycan%'"), 0);
  for (const char* table : {"mention", "figure", "date_expr", "triple", "entity_name", "entity_link", "document_source"})
    EXPECT_EQ(scalar(std::string("SELECT count(*) FROM ") + table +
                     " WHERE document_id NOT IN (SELECT id FROM document)"), 0) << table;
  EXPECT_GT(scalar("SELECT count(*) FROM mention"), 0);
}

// A run killed before its end leaves the deferred indexes out: the store
// reads as before, and the next open for writing builds them. A store that
// holds a document keeps its indexes.
TEST_F(IngestTest, IndexesLeftOutByAKilledRunAreBuiltAtTheNextOpen) {
  { auto empty = Store::open(path_, Store::Mode::ReadWrite); ASSERT_TRUE(empty) << empty.error(); }
  const std::string schema = indexes();
  {
    auto store = Store::open(path_, Store::Mode::ReadWrite);
    ASSERT_TRUE(store) << store.error();
    ASSERT_TRUE((*store)->defer_indexes());
  }  // closed as a killed run leaves it, without restore_indexes
  EXPECT_EQ(indexes().find("mention_by_entity"), std::string::npos);
  EXPECT_NE(indexes().find("entity_key_by_entity"), std::string::npos);  // the writer reads it
  EXPECT_EQ(scalar("SELECT count(*) FROM mentions WHERE entity_id = 1"), 0);
  { auto store = Store::open(path_, Store::Mode::ReadWrite); ASSERT_TRUE(store) << store.error(); }
  EXPECT_EQ(indexes(), schema);
  ingest({{"/x/a.txt", "", "", "Prezident İlham Əliyev Ərdoğanla görüşüb.", ""}}, 1);
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store) << store.error();
  ASSERT_TRUE((*store)->defer_indexes());
  EXPECT_EQ(indexes(), schema);
}

// Two runs into one store take turns: the second's open does not build the
// indexes the first left out while the first is still going (it would keep
// the first waiting); the first builds them at its end, or the next open
// after it.
TEST_F(IngestTest, AnOpenLeavesTheIndexesToTheRunStillGoing) {
  { auto empty = Store::open(path_, Store::Mode::ReadWrite); ASSERT_TRUE(empty) << empty.error(); }
  const std::string schema = indexes();
  auto first = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(first) << first.error();
  ASSERT_TRUE((*first)->start_run("extract", {"extract", "news"}, test::pack().hash));
  ASSERT_TRUE((*first)->defer_indexes());
  { auto second = Store::open(path_, Store::Mode::ReadWrite); ASSERT_TRUE(second) << second.error(); }
  EXPECT_EQ(indexes().find("mention_by_entity"), std::string::npos);
  ASSERT_TRUE((*first)->finish_run("finished", {}));
  first->reset();
  { auto next = Store::open(path_, Store::Mode::ReadWrite); ASSERT_TRUE(next) << next.error(); }
  EXPECT_EQ(indexes(), schema);
}

}  // namespace
}  // namespace bilik
