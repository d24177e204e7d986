// query sql's guard: what it refuses, and where it stops.
#include "bilik/sql_query.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "bilik/store.h"

namespace bilik {
namespace {

namespace fs = std::filesystem;

class SqlQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("bilik-sql-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    path_ = (dir_ / "s.db").string();
    { ASSERT_TRUE(Store::open(path_, Store::Mode::ReadWrite)); }
    auto store = Store::open(path_, Store::Mode::ReadOnly);
    ASSERT_TRUE(store);
    store_ = std::move(*store);
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  // The error, or "" and the rows as "a,b;c,d".
  std::string run(const std::string& sql, SqlLimits limits = {}, std::string* rows = nullptr) {
    std::string out;
    auto done = stream_sql(
        store_->handle(), sql, limits, [](const std::vector<std::string>&) {},
        [&](const std::vector<Cell>& cells) {
          for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + cells[i].text;
          out += ";";
        });
    if (rows) *rows = out;
    return done ? "" : done.error();
  }
  fs::path dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqlQueryTest, ReadsOneStatementAndItsComments) {
  std::string rows;
  EXPECT_EQ(run("-- a comment\nSELECT 1, 'a' /* inline */ ; -- trailing\n", {}, &rows), "");
  EXPECT_EQ(rows, "1,a;");
  EXPECT_EQ(run("PRAGMA table_info(meta)", {}, &rows), "");
  EXPECT_EQ(rows.substr(0, 10), "0,key,TEXT");
}

TEST_F(SqlQueryTest, RefusesEveryStatementThatWrites) {
  const std::string writes = "queries open the store read-only; this statement would write to it or to another file";
  for (const char* sql : {"DELETE FROM document", "INSERT INTO meta VALUES('a', 'b')", "CREATE TABLE t(x)",
                          "DROP VIEW documents", "CREATE TEMP TABLE t(x)", "VACUUM", "REINDEX", "ANALYZE"}) {
    EXPECT_EQ(run(sql).rfind(writes, 0), 0u) << sql << ": " << run(sql);
  }
  EXPECT_EQ(run("VACUUM INTO '" + (dir_ / "copy.db").string() + "'"), writes + "; refused");
  EXPECT_FALSE(fs::exists(dir_ / "copy.db"));
  EXPECT_EQ(run("ATTACH '" + (dir_ / "other.db").string() + "' AS other"), writes + " (ATTACH); refused");
  EXPECT_FALSE(fs::exists(dir_ / "other.db"));
  EXPECT_EQ(run("PRAGMA user_version = 3"), writes + " (PRAGMA user_version = 3); refused");
  EXPECT_EQ(run("PRAGMA journal_mode = DELETE"), writes + " (PRAGMA journal_mode = DELETE); refused");
  EXPECT_EQ(run("PRAGMA optimize"), writes + " (PRAGMA optimize); refused");
  EXPECT_EQ(run("BEGIN"), writes + " (a transaction); refused");
  EXPECT_EQ(run("SAVEPOINT s"), writes + " (SAVEPOINT); refused");
}

TEST_F(SqlQueryTest, RefusesASecondStatementBeforeRunningAny) {
  EXPECT_EQ(run("SELECT 1; SELECT 2"),
            "the SQL holds more than one statement; run one at a time (refused before running any; the second begins "
            "'SELECT 2')");
  EXPECT_EQ(run(" -- nothing"), "the SQL holds no statement (only spaces or comments)");
}

TEST_F(SqlQueryTest, StopsAtTheRowLimitAndTheTimeout) {
  const std::string endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c";
  std::string rows;
  auto done = stream_sql(store_->handle(), endless, {.max_rows = 3}, [](const auto&) {}, [](const auto&) {});
  ASSERT_TRUE(done);
  EXPECT_EQ(done->rows, 3);
  EXPECT_TRUE(done->truncated);
  EXPECT_EQ(run("SELECT 1", {.max_rows = 1}, &rows), "");
  EXPECT_EQ(rows, "1;");
  const auto start = std::chrono::steady_clock::now();
  const std::string error = run(endless, {.timeout_seconds = 0.2}, &rows);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_NE(error.find("the query ran past --timeout 0.2 s (raise it, or --timeout 0 for no limit)"), std::string::npos)
      << error;
  EXPECT_FALSE(rows.empty());  // the rows before the stop were handed on
  // The guard is gone after the call: the store's own queries run unlimited.
  EXPECT_EQ(run("SELECT count(*) FROM meta", {}, &rows), "");
}

}  // namespace
}  // namespace bilik
