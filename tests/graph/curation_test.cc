#include "bilik/extraction.h"
#include "bilik/curation.h"

#include <gtest/gtest.h>

#include "../extractor/test_pack.h"

namespace bilik {
namespace {

// Curation applied to an in-memory store of two small articles.
class CurationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Store::open(":memory:", Store::Mode::ReadWrite);
    ASSERT_TRUE(opened) << opened.error();
    store_ = std::move(*opened);
  }
  void put(const std::string& uri, const std::string& text) {
    Document doc{uri, "", "", text};
    ASSERT_TRUE(store_->begin());
    ASSERT_TRUE(store_->put_document(doc, document_hash(doc), test::pack().hash, extract_document(text, test::pack())));
    ASSERT_TRUE(store_->commit());
    ASSERT_TRUE(store_->remove_orphans());
  }
  std::vector<CurationOutcome> curate(const std::string& text) {
    auto lines = parse_curation(text, "fix.txt");
    EXPECT_TRUE(lines) << lines.error();
    auto kept = keep_curation(*store_, *lines);
    EXPECT_TRUE(kept) << kept.error();
    auto applied = apply_curation(*store_);
    EXPECT_TRUE(applied) << applied.error();
    return applied ? *applied : std::vector<CurationOutcome>{};
  }
  long long scalar(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(store_->handle(), sql.c_str(), -1, &stmt, nullptr);
    long long v = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
    sqlite3_finalize(stmt);
    return v;
  }
  std::unique_ptr<Store> store_;
};

constexpr const char* kFirst = "Özbəkistan Prezidenti Şavkat Mirziyoyev Bakıya səfər edib.";
constexpr const char* kSecond = "Prezident Şövkət Mirziyoyev Daşkənddə İlham Əliyevlə görüşüb.";

TEST_F(CurationTest, MergeJoinsTheEntitiesAndLaterDocumentsJoinTheSurvivor) {
  put("a.txt", kFirst);
  put("b.txt", kSecond);
  ASSERT_EQ(scalar("SELECT count(*) FROM entities WHERE name LIKE '%Mirziyoyev'"), 2);
  auto out = curate(R"(merge "Şavkat Mirziyoyev" "ŞÖVKƏT MİRZİYOYEV")");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_GT(out[0].rows, 0);
  EXPECT_TRUE(out[0].warnings.empty());
  EXPECT_EQ(scalar("SELECT count(*) FROM entities WHERE name LIKE '%Mirziyoyev'"), 1);
  EXPECT_EQ(scalar("SELECT count(*) FROM aliases a JOIN entities e ON e.id = a.entity_id "
                   "WHERE e.name = 'Şavkat Mirziyoyev' AND a.alias = 'Şövkət Mirziyoyev'"), 1);
  EXPECT_EQ(scalar("SELECT count(DISTINCT document_id) FROM mentions m JOIN entities e ON e.id = m.entity_id "
                   "WHERE e.name = 'Şavkat Mirziyoyev'"), 2);
  // Applying again changes nothing; a document extracted again joins the survivor.
  EXPECT_EQ(curate("")[0].rows, 0);
  put("b.txt", std::string(kSecond) + " Görüşdə iqtisadi məsələlər müzakirə olunub.");
  EXPECT_EQ(scalar("SELECT count(*) FROM entities WHERE name LIKE '%Mirziyoyev'"), 1);
  EXPECT_EQ(scalar("PRAGMA foreign_key_check"), -1);
}

TEST_F(CurationTest, RenameRetypeAliasAndDrop) {
  put("a.txt", kFirst);
  put("b.txt", kSecond);
  auto out = curate("rename \"Şavkat Mirziyoyev\" \"Şavkat Miromonoviç Mirziyoyev\"\n"
                    "retype Bakı LOCATION\n"
                    "alias Özbəkistan \"Özbəkistan Respublikası\"\n"
                    "drop \"İlham Əliyev\"\n"
                    "drop \"Heç Kim\"\n");
  ASSERT_EQ(out.size(), 5u);
  EXPECT_EQ(scalar("SELECT count(*) FROM entities WHERE name = 'Şavkat Miromonoviç Mirziyoyev'"), 1);
  EXPECT_EQ(scalar("SELECT count(*) FROM entities WHERE name = 'Bakı' AND type = 'LOCATION'"), 1);
  EXPECT_EQ(scalar("SELECT count(*) FROM aliases WHERE alias = 'Özbəkistan Respublikası'"), 1);
  EXPECT_EQ(scalar("SELECT count(*) FROM entities WHERE name = 'İlham Əliyev'"), 0);
  EXPECT_EQ(scalar("SELECT count(*) FROM triples t JOIN entities e ON e.id IN (t.subject_id, t.object_id) "
                   "WHERE e.name LIKE 'İlham%'"), 0);
  ASSERT_EQ(out[4].warnings.size(), 1u);
  EXPECT_EQ(out[4].warnings[0],
            "fix.txt:5: no entity in the store is called 'Heç Kim' (it may appear after a later run); the line changed "
            "nothing");
  // A document that brings the dropped entity back loses it at the next application.
  put("c.txt", "İlham Əliyev Bakıda Şavkat Mirziyoyevi qəbul edib.");
  EXPECT_GT(scalar("SELECT count(*) FROM entities WHERE name = 'İlham Əliyev'"), 0);
  curate("");
  EXPECT_EQ(scalar("SELECT count(*) FROM entities WHERE name = 'İlham Əliyev'"), 0);
  // The retyped entity keeps its old-type keys, so c.txt's Bakı joined it.
  EXPECT_EQ(scalar("SELECT count(*) FROM entities WHERE name = 'Bakı'"), 1);
}

TEST_F(CurationTest, SplitMovesOneDocumentsMentionsToANewEntity) {
  // Two men of the same full name: identity joins them by it.
  put("xeber/nazir.txt", "Baş nazirin müavini Əli Həsənov Gəncədə yeni xəstəxananın açılışında iştirak edib.");
  put("xeber/komekci.txt", "Prezidentin ictimai-siyasi məsələlər üzrə köməkçisi Əli Həsənov Bakıda jurnalistlərlə "
                           "görüşüb. Əli Həsənov mətbuat azadlığından danışıb.");
  ASSERT_EQ(scalar("SELECT count(DISTINCT m.document_id) FROM mentions m JOIN entities e ON e.id = m.entity_id "
                   "WHERE e.name = 'Əli Həsənov'"), 2);
  auto out = curate(R"x(split "Əli Həsənov" in komekci.txt as "Əli Həsənov (köməkçi)")x");
  EXPECT_TRUE(out[0].warnings.empty());
  EXPECT_EQ(scalar("SELECT count(DISTINCT m.document_id) FROM mentions m JOIN entities e ON e.id = m.entity_id "
                   "WHERE e.name = 'Əli Həsənov'"), 1);
  EXPECT_EQ(scalar("SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN documents d "
                   "ON d.id = m.document_id WHERE e.name = 'Əli Həsənov' AND d.uri LIKE '%/nazir.txt'"), 1);
  EXPECT_EQ(scalar("SELECT count(*) FROM mentions m JOIN entities e ON e.id = m.entity_id JOIN documents d "
                   "ON d.id = m.document_id WHERE e.name = 'Əli Həsənov (köməkçi)' AND e.type = 'PERSON' "
                   "AND d.uri LIKE '%/komekci.txt'"), 2);
  EXPECT_EQ(scalar("SELECT count(*) FROM entity_curations WHERE statement LIKE 'split%'"), 2);
  const long long entities = scalar("SELECT count(*) FROM entities");
  curate("");
  EXPECT_EQ(scalar("SELECT count(*) FROM entities"), entities);
}

TEST_F(CurationTest, ANameTwoEntitiesCarryNeedsTheType) {
  put("a.txt", kFirst);
  // An organisation of the same name, as another article could bring.
  ASSERT_EQ(sqlite3_exec(store_->handle(),
                         "INSERT INTO entity(id, type, name) VALUES(100, 'ORGANIZATION', 'Özbəkistan');"
                         "INSERT INTO entity_key(key, type, entity_id) VALUES('özbəkistan', 'ORGANIZATION', 100);",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  auto out = curate(R"(rename "ÖZBƏKİSTAN" "Özbəkistan Respublikası")");
  ASSERT_EQ(out[0].warnings.size(), 1u);
  EXPECT_EQ(out[0].warnings[0], "fix.txt:1: 2 entities are called 'ÖZBƏKİSTAN'; give the type (PERSON:\"...\") to say "
                                "which; the line was not applied");
  EXPECT_EQ(scalar("SELECT count(*) FROM entities WHERE name = 'Özbəkistan Respublikası'"), 0);
  curate(R"(rename STATE:"ÖZBƏKİSTAN" "Özbəkistan Respublikası")");
  EXPECT_EQ(scalar("SELECT count(*) FROM entities WHERE name = 'Özbəkistan Respublikası' AND type = 'STATE'"), 1);
  EXPECT_EQ(scalar("SELECT count(*) FROM entities WHERE name = 'Özbəkistan' AND type = 'ORGANIZATION'"), 1);
}

TEST_F(CurationTest, ACopyInMemoryTakesCurationWithoutTouchingTheStore) {
  put("a.txt", kFirst);
  auto copy = store_->copy_in_memory();
  ASSERT_TRUE(copy) << copy.error();
  auto lines = parse_curation(R"(drop "Bakı")", "fix.txt");
  ASSERT_TRUE(keep_curation(**copy, *lines));
  ASSERT_TRUE(apply_curation(**copy));
  EXPECT_EQ(scalar("SELECT count(*) FROM entities WHERE name = 'Bakı'"), 1);
  EXPECT_EQ(scalar("SELECT count(*) FROM curation"), 0);
}

}  // namespace
}  // namespace bilik
