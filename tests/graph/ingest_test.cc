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

}  // namespace
}  // namespace bilik
