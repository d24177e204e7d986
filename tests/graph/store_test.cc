#include "bilik/store.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "../extractor/test_pack.h"

namespace bilik {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("bilik-store-" + std::to_string(::getpid()) + "-" +
                                          ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    fs::remove(path_);
  }
  // Every test leaves a store that passes SQLite's own checks.
  void TearDown() override {
    if (fs::exists(path_)) {
      sqlite3* db = nullptr;
      ASSERT_EQ(sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
      EXPECT_EQ(text(db, "PRAGMA integrity_check"), "ok");
      EXPECT_EQ(text(db, "PRAGMA foreign_key_check"), "");
      sqlite3_close(db);
    }
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }

  static std::string text(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
    std::string v;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
      v = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    return v;
  }

  void put(Store& store, const std::string& uri, const std::string& text) {
    Document doc{uri, "", "", text};
    ASSERT_TRUE(store.begin());
    ASSERT_TRUE(store.put_document(doc, document_hash(doc), test::pack().hash, extract_document(text, test::pack())));
    ASSERT_TRUE(store.commit());
    ASSERT_TRUE(store.remove_orphans());
  }

  long long scalar(Store& store, const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(store.handle(), sql.c_str(), -1, &stmt, nullptr);
    long long v = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
    sqlite3_finalize(stmt);
    return v;
  }

  std::string path_;
};

TEST_F(StoreTest, StoringTheSameDocumentTwiceChangesNothing) {
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store) << store.error();
  const std::string text = "Prezident İlham Əliyev Gürcüstanın Baş naziri İrakli Kobaxidze ilə Tbilisidə görüşüb.";
  put(**store, "a.txt", text);
  const auto first = (*store)->counts();
  put(**store, "a.txt", text);
  const auto second = (*store)->counts();
  EXPECT_EQ(first.mentions, second.mentions);
  EXPECT_EQ(first.entities, second.entities);
  EXPECT_EQ(second.documents, 1);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

TEST_F(StoreTest, AChangedDocumentReplacesItsRows) {
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store);
  put(**store, "a.txt", "Nümayəndə heyəti Türkiyəyə gedib.");
  put(**store, "a.txt", "Nümayəndə heyəti Qazaxıstana və Özbəkistana gedib.");
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM mentions"), 2);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM entities WHERE name = 'Türkiyə'"), 0);
  const std::string uri = "a.txt";
  Document doc{uri, "", "", "Nümayəndə heyəti Qazaxıstana və Özbəkistana gedib."};
  EXPECT_TRUE((*store)->is_current(uri, document_hash(doc), test::pack().hash));
  EXPECT_FALSE((*store)->is_current(uri, document_hash(doc), "another-pack"));
}

TEST_F(StoreTest, OneEntityAcrossDocumentsWithTheAliasesOfBoth) {
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store);
  put(**store, "a.txt", "Qazaxıstan Respublikasının nümayəndələri Bakıya gəlib.");
  put(**store, "b.txt", "Qazaxstan heyəti BAKIDAN qayıdıb.");
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM entities WHERE type = 'STATE'"), 1);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM entities WHERE type = 'LOCATION'"), 1);
  EXPECT_EQ(scalar(**store,
                   "SELECT count(*) FROM aliases a JOIN entities e ON e.id = a.entity_id "
                   "WHERE e.name = 'Qazaxıstan' AND a.alias IN ('Qazaxstan', 'Qazaxıstan Respublikası')"),
            2);
}

TEST_F(StoreTest, PeopleAcrossDocumentsInDifferentForms) {
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store);
  put(**store, "a.txt", "Qazaxıstan Prezidenti Qasım Jomart-Tokayev Ankaraya gəlib. Politoloq Rauf Mirqədirov danışıb.");
  put(**store, "b.txt", "Kasım-Jomart Tokayevin səfəri bitib. Politoloq Rauf Mirqədirovun fikrincə, səfər uğurlu olub.");
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM entities WHERE type = 'PERSON'"), 2);
  EXPECT_EQ(scalar(**store,
                   "SELECT count(DISTINCT alias) FROM aliases a JOIN entities e ON e.id = a.entity_id "
                   "WHERE e.name = 'Qasım-Jomart Tokayev' AND alias = 'Kasım-Jomart Tokayev'"),
            1);
  EXPECT_EQ(scalar(**store, "SELECT count(DISTINCT document_id) FROM mentions m JOIN entities e ON e.id = m.entity_id "
                            "WHERE e.name = 'Qasım-Jomart Tokayev'"),
            2);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM aliases WHERE alias = 'Rauf Mirqədirovun'"), 0);
  EXPECT_EQ(scalar(**store, "SELECT count(DISTINCT document_id) FROM mentions m JOIN entities e ON e.id = m.entity_id "
                            "WHERE e.name = 'Rauf Mirqədirov'"),
            2);
}

TEST_F(StoreTest, ALoneSurnameDoesNotJoinPeopleAcrossDocuments) {
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store);
  put(**store, "a.txt", "Tədbirdə jurnalist Elnur Məmmədov çıxış edib.");
  put(**store, "b.txt", "Tədbirdə professor Aynur Məmmədov çıxış edib.");
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM entities WHERE type = 'PERSON'"), 2);
}

TEST_F(StoreTest, RefusesAStoreFromANewerSchema) {
  {
    auto store = Store::open(path_, Store::Mode::ReadWrite);
    ASSERT_TRUE(store);
    sqlite3_exec((*store)->handle(), "UPDATE meta SET value = '99' WHERE key = 'schema_version'", nullptr, nullptr,
                 nullptr);
  }
  auto again = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_FALSE(again);
  EXPECT_NE(again.error().find("schema version 99, newer than this bilik"), std::string::npos);
}

TEST_F(StoreTest, UpgradesAVersion1StoreKeepingItsRows) {
  {  // A store as the first release wrote it, with one document.
    std::ifstream in(std::string(BILIK_TEST_SCHEMA) + "/001_init.sql");
    std::stringstream sql;
    sql << in.rdbuf() << "INSERT INTO meta VALUES('schema_version', '1');"
        << "INSERT INTO document(uri, text, content_hash, rules_hash) VALUES('old.txt', 'Bakı', 'h', 'r');";
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql.str().c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  auto reader = Store::open(path_, Store::Mode::ReadOnly);  // reading does not upgrade
  ASSERT_TRUE(reader);
  EXPECT_EQ(scalar(**reader, "SELECT value FROM meta WHERE key = 'schema_version'"), 1);
  reader->reset();
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store) << store.error();
  EXPECT_EQ(scalar(**store, "SELECT value FROM meta WHERE key = 'schema_version'"), Store::kSchemaVersion);
  ASSERT_TRUE((*store)->start_run("extract", {"--db", path_, "new.txt"}, test::pack().hash));
  put(**store, "new.txt", "Prezident İlham Əliyev Bakıda çıxış edib.");
  ASSERT_TRUE((*store)->finish_run("finished", {1, 0, 0}));
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM documents WHERE uri = 'old.txt' AND run_id IS NULL"), 1);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM documents d JOIN runs r ON r.id = d.run_id "
                            "WHERE d.uri = 'new.txt' AND r.status = 'finished' AND r.documents_stored = 1"),
            1);
}

TEST_F(StoreTest, ReadOnlyOpeningNeverCreatesAStore) {
  auto store = Store::open(path_, Store::Mode::ReadOnly);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error(), path_ + ": no such store");
  EXPECT_FALSE(fs::exists(path_));
}

TEST_F(StoreTest, AStoreIsOneFileOnceClosed) {
  {
    auto store = Store::open(path_, Store::Mode::ReadWrite);
    ASSERT_TRUE(store);
    put(**store, "a.txt", "Bakıda görüş keçirilib.");
    EXPECT_TRUE(fs::exists(path_ + "-wal"));
  }
  EXPECT_FALSE(fs::exists(path_ + "-wal"));
  auto reader = Store::open(path_, Store::Mode::ReadOnly);
  ASSERT_TRUE(reader);
  EXPECT_EQ(scalar(**reader, "SELECT count(*) FROM documents"), 1);
}

}  // namespace
}  // namespace bilik
