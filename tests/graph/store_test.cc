#include "bilik/store.h"

#include "bilik/extraction.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
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
    Document doc{uri, "", "", text, ""};
    ASSERT_TRUE(store.begin());
    ASSERT_TRUE(store.put_document(doc, document_hash(doc), test::pack().hash, extract_document(text, test::pack())));
    ASSERT_TRUE(store.commit());
    ASSERT_TRUE(store.remove_orphans());
  }

  // Stores `doc` as extract does, and says whether it was extracted or folded.
  Store::Stored put_as(Store& store, const Document& doc, const std::string& rules_hash) {
    EXPECT_TRUE(store.begin());
    auto stored = store.put_document(doc, document_hash(doc), rules_hash, extract_document(doc.text, test::pack()));
    EXPECT_TRUE(stored) << stored.error();
    EXPECT_TRUE(store.commit());
    EXPECT_TRUE(store.remove_orphans());
    return stored ? *stored : Store::Stored::Extracted;
  }

  long long scalar(Store& store, const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(store.handle(), sql.c_str(), -1, &stmt, nullptr);
    long long v = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
    sqlite3_finalize(stmt);
    return v;
  }

  // Writes a store as an older bilik left it: `sql` run on a new file.
  void write_store(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }

  std::string path_;
};

TEST_F(StoreTest, StoringTheSameDocumentTwiceChangesNothing) {
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store) << store.error();
  const std::string text = "Prezident İlham Əliyev Gürcüstanın Baş naziri İrakli Kobaxidze ilə Tbilisidə görüşüb.";
  put(**store, "a.txt", text);
  const auto first = *(*store)->counts();
  put(**store, "a.txt", text);
  const auto second = *(*store)->counts();
  EXPECT_EQ(first.mentions, second.mentions);
  EXPECT_EQ(first.entities, second.entities);
  EXPECT_EQ(second.documents, 1);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

// The writer inserts a document's rows many to a statement (32 at most):
// a document with more figures than that keeps each one, and a triple's
// amount names its own figure, past the first statement's rows too.
TEST_F(StoreTest, ATriplesAmountNamesItsFigureInALongDocument) {
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store) << store.error();
  std::string text;
  for (int i = 0; i < 34; ++i)
    text += "Şirkətin gəliri " + std::to_string(2000 + i) + "-ci ildə " + std::to_string(i + 1) + " milyon manat olub. ";
  const char* states[] = {"Türkiyə", "Gürcüstan", "Qazaxıstan", "Rusiya", "İran", "Özbəkistan", "Çin", "Almaniya"};
  for (int i = 0; i < 8; ++i)
    text += std::string("Azərbaycan ilə ") + states[i] + " arasında ticarət dövriyyəsi " + std::to_string(2040 + i) +
            "-ci ildə " + std::to_string(41 + i) + " milyard dollar olub. ";
  const Extraction x = extract_document(text, test::pack());
  put(**store, "a.txt", text);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM figures"), static_cast<long long>(x.figures.size()));
  EXPECT_GE(scalar(**store, "SELECT count(*) FROM figures"), 42);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM triples WHERE predicate = 'trade_with' AND amount_id IS NOT NULL"), 8);
  // The trade of year 2040 + i is 41 + i billion dollars, each in its own sentence.
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM triples t JOIN figures f ON f.id = t.amount_id "
                            "WHERE f.surface = (CAST(t.date AS INTEGER) - 1999) || ' milyard dollar'"), 8);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM triples t JOIN figures f ON f.id = t.amount_id "
                            "WHERE f.start < t.start OR f.\"end\" > t.\"end\" + 40"), 0);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM mentions"), static_cast<long long>(x.entities.mentions.size()));
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM dates"), static_cast<long long>(x.dates.size()));
}

TEST_F(StoreTest, AChangedDocumentReplacesItsRows) {
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store);
  put(**store, "a.txt", "Nümayəndə heyəti Türkiyəyə gedib.");
  put(**store, "a.txt", "Nümayəndə heyəti Qazaxıstana və Özbəkistana gedib.");
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM mentions"), 2);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM entities WHERE name = 'Türkiyə'"), 0);
  const std::string uri = "a.txt";
  Document doc{uri, "", "", "Nümayəndə heyəti Qazaxıstana və Özbəkistana gedib.", ""};
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
    write_store(sql.str());
  }
  auto reader = Store::open(path_, Store::Mode::ReadOnly);  // reading does not upgrade
  ASSERT_TRUE(reader);
  EXPECT_EQ(scalar(**reader, "SELECT value FROM meta WHERE key = 'schema_version'"), 1);
  reader->reset();
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store) << store.error();
  EXPECT_EQ(scalar(**store, "SELECT value FROM meta WHERE key = 'schema_version'"), Store::kSchemaVersion);
  EXPECT_EQ(scalar(**store, "PRAGMA application_id"), 0x62696C6B);  // marked as bilik's on upgrade
  ASSERT_TRUE((*store)->start_run("extract", {"--db", path_, "new.txt"}, test::pack().hash));
  put(**store, "new.txt", "Prezident İlham Əliyev Bakıda çıxış edib.");
  ASSERT_TRUE((*store)->finish_run("finished", {1, 0, 0}));
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM documents WHERE uri = 'old.txt' AND run_id IS NULL"), 1);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM document_sources s JOIN documents d ON d.id = s.document_id "
                            "WHERE s.uri = 'old.txt' AND d.uri = 'old.txt'"),
            1);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM documents d JOIN runs r ON r.id = d.run_id "
                            "WHERE d.uri = 'new.txt' AND r.status = 'finished' AND r.documents_stored = 1"),
            1);
}

TEST_F(StoreTest, UpgradesAVersion7StoreKeepingNamesLinksAndTheirChecks) {
  {  // A store as schema 7 left it: a document, two entities, their names and links.
    std::stringstream sql;
    for (const char* file : {"001_init", "002_runs", "003_run_owner", "004_entity_links", "005_document_sources",
                             "006_curation", "007_sentences"}) {
      std::ifstream in(std::string(BILIK_TEST_SCHEMA) + "/" + file + ".sql");
      sql << in.rdbuf();
    }
    sql << "INSERT INTO meta VALUES('schema_version', '7');"
        << "INSERT INTO document(id, uri, text, content_hash, rules_hash, text_hash) "
           "VALUES(1, 'old.txt', 'Prezident İlham Əliyev Bakıda çıxış edib.', 'h', 'r', 't');"
        << "INSERT INTO document_source(document_id, uri, content_hash) VALUES(1, 'old.txt', 'h');"
        << "INSERT INTO entity(id, type, name, known) VALUES(1, 'LOCATION', 'Bakı', 1), (2, 'PERSON', 'İlham Əliyev', 1);"
        << "INSERT INTO entity_name(entity_id, document_id, name, key, role, local) VALUES"
           "(2, 1, 'İlham Əliyev', 'ilham əliyev', 'name', 0), (2, 1, 'Əliyev', 'əliyev', 'alias', 0),"
           "(1, 1, 'Bakı', 'bakı', 'name', 0), (1, 1, 'Bakıda', 'bakıda', 'unconfirmed', 0);"
        << "INSERT INTO entity_key VALUES('ilham əliyev', 'PERSON', 2), ('bakı', 'LOCATION', 1);"
        << "INSERT INTO entity_link(entity_id, document_id, via, key, note) VALUES"
           "(2, 1, 'gazetteer', 'ilham əliyev', NULL), (1, 1, 'new', NULL, 'a note');";
    write_store(sql.str());
  }
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store) << store.error();
  sqlite3* db = (*store)->handle();
  EXPECT_EQ(scalar(**store, "SELECT value FROM meta WHERE key = 'schema_version'"), Store::kSchemaVersion);
  // Names keep the order the document gave them; views return the same rows.
  EXPECT_EQ(text(db, "SELECT group_concat(name || ':' || role, '|') FROM (SELECT * FROM entity_name ORDER BY rowid)"),
            "İlham Əliyev:name|Əliyev:alias|Bakı:name|Bakıda:unconfirmed");
  EXPECT_EQ(text(db, "SELECT group_concat(alias, '|') FROM (SELECT alias FROM aliases ORDER BY alias)"), "Əliyev");
  EXPECT_EQ(text(db, "SELECT group_concat(entity || ':' || via || ':' || coalesce(key, '') || ':' || "
                     "coalesce(note, ''), '|') FROM (SELECT * FROM entity_links ORDER BY entity)"),
            "Bakı:new::a note|İlham Əliyev:gazetteer:ilham əliyev:");
  auto loaded = (*store)->load_document(1);
  ASSERT_TRUE(loaded) << loaded.error();
  ASSERT_EQ(loaded->extraction.entities.entities.size(), 2u);
  EXPECT_EQ(loaded->extraction.entities.entities[0].name, "İlham Əliyev");
  EXPECT_EQ(loaded->extraction.entities.entities[1].unconfirmed_names, std::vector<std::string>{"Bakıda"});
  // The checks, written without IN, still refuse what they refused.
  EXPECT_NE(sqlite3_exec(db, "INSERT INTO entity_name(entity_id, document_id, name, key, role) "
                             "VALUES(1, 1, 'x', 'x', 'nickname')", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "INSERT INTO entity_link(entity_id, document_id, via) VALUES(1, 1, 'guess')", nullptr,
                         nullptr, nullptr), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "INSERT INTO entity_name(entity_id, document_id, name, key, role) "
                             "VALUES(1, 1, 'Bakı', 'bakı', 'alias')", nullptr, nullptr, nullptr), SQLITE_OK);
  // Deleting a document still takes its names and links with it.
  ASSERT_EQ(sqlite3_exec(db, "DELETE FROM document WHERE id = 1", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_EQ(scalar(**store, "SELECT (SELECT count(*) FROM entity_name) + (SELECT count(*) FROM entity_link)"), 0);
}

TEST_F(StoreTest, OneTextUnderTwoNamesIsOneDocumentWithBothSources) {
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store);
  const std::string text = "Prezident İlham Əliyev Bakıda Özbəkistan Prezidenti Şavkat Mirziyoyev ilə görüşüb.";
  const Document first{"/news/a.txt", "Görüş", "2024-05-02", text, "https://xeber.az/a/1"};
  EXPECT_EQ(put_as(**store, first, test::pack().hash), Store::Stored::Extracted);
  const auto once = *(*store)->counts();
  const Document second{"/mirror/amp/a.txt", "", "", text, "https://xeber.az/amp/1"};
  EXPECT_TRUE((*store)->holds_text(second, document_hash(second), test::pack().hash));
  EXPECT_FALSE((*store)->holds_text(second, document_hash(second), "another-pack"));
  EXPECT_EQ(put_as(**store, second, test::pack().hash), Store::Stored::Folded);
  const auto twice = *(*store)->counts();
  EXPECT_EQ(twice.documents, 1);
  EXPECT_EQ(twice.mentions, once.mentions);
  EXPECT_EQ(twice.entities, once.entities);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM document_sources WHERE url IN "
                            "('https://xeber.az/a/1', 'https://xeber.az/amp/1')"),
            2);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM documents WHERE uri = '/news/a.txt' AND url = 'https://xeber.az/a/1' "
                            "AND published = '2024-05-02'"),
            1);
  EXPECT_TRUE((*store)->is_current("/mirror/amp/a.txt", document_hash(second), test::pack().hash));
  // Its url changes: only the source row changes.
  const Document moved{"/mirror/amp/a.txt", "", "", text, "https://xeber.az/amp/2"};
  EXPECT_EQ(put_as(**store, moved, test::pack().hash), Store::Stored::Folded);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM document_sources WHERE url = 'https://xeber.az/amp/2'"), 1);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM document_sources"), 2);
}

TEST_F(StoreTest, ANameTakingAStoredTextLeavesItsOldDocument) {
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store);
  put(**store, "x.txt", "Gürcüstanın Baş naziri İrakli Kobaxidze Tbilisidə çıxış edib.");
  put(**store, "y.txt", "Nümayəndə heyəti Qazaxıstana gedib.");
  put(**store, "x.txt", "Nümayəndə heyəti Qazaxıstana gedib.");
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM document_sources s JOIN documents d ON d.id = s.document_id "
                            "WHERE d.uri = 'y.txt'"),
            2);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM entities WHERE name LIKE 'İrakli%'"), 0);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM mentions"), 1);
}

TEST_F(StoreTest, WhenTheExtractedNameLeavesTheOldestSourceNamesTheDocument) {
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store);
  put(**store, "a.txt", "Nümayəndə heyəti Türkiyəyə gedib.");
  put(**store, "b.txt", "Nümayəndə heyəti Türkiyəyə gedib.");
  put(**store, "c.txt", "Nümayəndə heyəti Türkiyəyə gedib.");
  put(**store, "a.txt", "Nümayəndə heyəti Qazaxıstana gedib.");
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM documents"), 2);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM documents d JOIN mentions m ON m.document_id = d.id "
                            "WHERE d.uri = 'b.txt' AND m.surface = 'Türkiyəyə'"),
            1);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM document_sources s JOIN documents d ON d.id = s.document_id "
                            "WHERE d.uri = 'b.txt'"),
            2);
}

TEST_F(StoreTest, ACopyFromAnotherPackIsExtractedAgainKeepingItsSources) {
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store);
  const std::string text = "Nümayəndə heyəti Türkiyəyə gedib.";
  EXPECT_EQ(put_as(**store, Document{"a.txt", "", "", text, ""}, "old-pack"), Store::Stored::Extracted);
  EXPECT_EQ(put_as(**store, Document{"b.txt", "", "", text, ""}, "old-pack"), Store::Stored::Folded);
  EXPECT_EQ(put_as(**store, Document{"c.txt", "", "", text, ""}, test::pack().hash), Store::Stored::Extracted);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM document_sources"), 3);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM mentions"), 1);
  Document b{"b.txt", "", "", text, ""};
  EXPECT_TRUE((*store)->is_current("b.txt", document_hash(b), test::pack().hash));
}

TEST_F(StoreTest, UpgradingFoldsDocumentsOfOneTextIntoTheOldest) {
  {  // A version 3 store holding one text under two names, as issue 12 found.
    std::stringstream sql;
    for (const char* file : {"/001_init.sql", "/002_runs.sql", "/003_run_owner.sql"}) {
      std::ifstream in(std::string(BILIK_TEST_SCHEMA) + file);
      sql << in.rdbuf();
    }
    sql << "INSERT INTO meta VALUES('schema_version', '3');"
        << "INSERT INTO document(uri, text, content_hash, rules_hash) VALUES('/n/a.txt', 'Bakı', 'h', 'r');"
        << "INSERT INTO document(uri, text, content_hash, rules_hash) VALUES('n/a.txt', 'Bakı', 'h', 'r');"
        << "INSERT INTO document(uri, text, content_hash, rules_hash) VALUES('n/b.txt', 'Gəncə', 'g', 'r');"
        << "INSERT INTO entity(type, name) VALUES('LOCATION', 'Bakı');"
        << "INSERT INTO mention(document_id, entity_id, start, \"end\", surface, gram_case, rule) "
        << "VALUES(1, 1, 0, 5, 'Bakı', 'nominative', 'r'), (2, 1, 0, 5, 'Bakı', 'nominative', 'r');";
    write_store(sql.str());
  }
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store) << store.error();
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM documents"), 2);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM mentions"), 1);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM document_sources WHERE document_id = 1"), 2);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM document WHERE text_hash IS NULL"), 0);
  EXPECT_TRUE((*store)->is_current("n/a.txt", "h", "r"));
}

TEST_F(StoreTest, AStoreFromBeforeSourcesIsReadWithoutUpgrading) {
  {
    std::stringstream sql;
    for (const char* file : {"/001_init.sql", "/002_runs.sql", "/003_run_owner.sql"}) {
      std::ifstream in(std::string(BILIK_TEST_SCHEMA) + file);
      sql << in.rdbuf();
    }
    sql << "INSERT INTO meta VALUES('schema_version', '3');"
        << "INSERT INTO document(uri, text, content_hash, rules_hash) VALUES('n/a.txt', 'Bakı', 'h', 'r');";
    write_store(sql.str());
  }
  auto store = Store::open(path_, Store::Mode::ReadOnly);  // as merge reads its inputs
  ASSERT_TRUE(store) << store.error();
  const auto read = (*store)->sources();
  ASSERT_TRUE(read) << read.error();
  const auto& sources = *read;
  ASSERT_EQ(sources.size(), 1u);
  EXPECT_EQ(sources[0].uri, "n/a.txt");
  EXPECT_EQ(sources[0].content_hash, "h");
  auto doc = (*store)->load_document(sources[0].document_id);
  ASSERT_TRUE(doc) << doc.error();
  EXPECT_EQ(doc->document.text, "Bakı");
  EXPECT_EQ(scalar(**store, "SELECT value FROM meta WHERE key = 'schema_version'"), 3);
}

// Runs SQL on the file with plain SQLite, outside the Store.
void raw_exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

TEST_F(StoreTest, AVersionThatIsNotANumberIsDamageNotACrash) {
  { ASSERT_TRUE(Store::open(path_, Store::Mode::ReadWrite)); }
  const std::pair<const char*, const char*> cases[] = {
      {"abc", "the store's schema version 'abc' is not a version bilik has written"},
      {"-1", "the store's schema version '-1' is not a version bilik has written"},
      {"", "the store's schema version '' is not a version bilik has written"},
      {"2x", "the store's schema version '2x' is not a version bilik has written"},
      {"99999999999999", "the store has schema version 99999999999999, newer than this bilik understands"},
      {"999999999999999999999999999", "the store has schema version 999999999999999999999999999, newer than"},
  };
  for (const auto& [version, message] : cases) {
    raw_exec(path_, std::string("UPDATE meta SET value = '") + version + "' WHERE key = 'schema_version'");
    for (Store::Mode mode : {Store::Mode::ReadWrite, Store::Mode::ReadOnly}) {
      auto store = Store::open(path_, mode);
      ASSERT_FALSE(store) << version;
      EXPECT_NE(store.error().find(message), std::string::npos) << store.error();
    }
  }
  raw_exec(path_, "UPDATE meta SET value = '3' WHERE key = 'schema_version'");
}

TEST_F(StoreTest, AForeignDatabaseWithAMetaTableIsNotTakenOver) {
  raw_exec(path_, "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES('owner', 'notes');");
  const auto size = fs::file_size(path_);
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_FALSE(store);
  EXPECT_NE(store.error().find("is not a bilik store (its meta table is another program's"), std::string::npos)
      << store.error();
  EXPECT_EQ(fs::file_size(path_), size);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(text(db, "SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'"), "meta");
  EXPECT_EQ(text(db, "PRAGMA journal_mode"), "delete");
  sqlite3_close(db);
}

TEST_F(StoreTest, AnEmptyFileBecomesAMarkedStore) {
  std::ofstream{path_};
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store) << store.error();
  EXPECT_EQ(scalar(**store, "PRAGMA application_id"), 0x62696C6B);
  EXPECT_EQ(scalar(**store, "SELECT value FROM meta WHERE key = 'schema_version'"), Store::kSchemaVersion);
}

TEST_F(StoreTest, ARunWhoseProcessIsGoneIsMarkedInterrupted) {
  std::string owner;
  {
    auto store = Store::open(path_, Store::Mode::ReadWrite);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->start_run("extract", {"a.txt"}, "r"));  // never finished
    ASSERT_TRUE((*store)->start_run("extract", {"b.txt"}, "r"));
    ASSERT_TRUE((*store)->start_run("extract", {"c.txt"}, "r"));
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2((*store)->handle(), "SELECT owner FROM run WHERE id = 1", -1, &stmt, nullptr);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    owner = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
  }
  // "host boot-id pid start-ticks": run 2 names a child that has exited, run 3 a run from before schema 3.
  std::istringstream parts(owner);
  std::string host, boot, pid, ticks;
  ASSERT_TRUE(parts >> host >> boot >> pid >> ticks) << owner;
  EXPECT_EQ(pid, std::to_string(::getpid()));
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ASSERT_GT(child, 0);
  ::waitpid(child, nullptr, 0);
  raw_exec(path_, "UPDATE run SET owner = '" + host + " " + boot + " " + std::to_string(child) + " " + ticks +
                      "' WHERE id = 2; UPDATE run SET owner = NULL WHERE id = 3;");
  auto store = Store::open(path_, Store::Mode::ReadWrite);
  ASSERT_TRUE(store);
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM runs WHERE id = 1 AND status = 'running'"), 1);  // this process lives
  EXPECT_EQ(scalar(**store, "SELECT count(*) FROM runs WHERE id IN (2, 3) AND status = 'interrupted' AND finished IS NULL"), 2);
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
