// libFuzzer target: `query sql`'s guard (bilik/sql_query.h), on a small
// store opened read-only as the CLI opens it. Whatever the SQL, the run
// must end (timeout and row limit), and leave the connection as it found
// it: no change to the store, no database attached, no transaction open.
// A statement that wrote would abort here.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "bilik/extraction.h"
#include "bilik/rule_pack.h"
#include "bilik/sql_query.h"
#include "bilik/store.h"

namespace {

long long scalar(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) std::abort();
  const long long v = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
  sqlite3_finalize(stmt);
  return v;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<bilik::Store> store = [] {
    const std::string path = "/tmp/bilik-fuzz-sql-" + std::to_string(getpid()) + ".db";
    std::filesystem::remove(path);
    {
      auto pack = bilik::load_rule_pack(BILIK_FUZZ_PACK);
      auto s = bilik::Store::open(path, bilik::Store::Mode::ReadWrite);
      if (!pack || !s) std::abort();
      const std::string text = "Qazaxıstan Prezidenti Qasım-Jomart Tokayev Bakıda İlham Əliyev ilə görüşüb.";
      bilik::Document doc{"fuzz.txt", "", "", text, ""};
      (*s)->begin();
      (*s)->put_document(doc, "h", "r", bilik::extract_document(text, *pack));
      (*s)->commit();
    }
    auto s = bilik::Store::open(path, bilik::Store::Mode::ReadOnly);
    if (!s) std::abort();
    return std::move(*s);
  }();
  sqlite3* db = store->handle();
  const long long changes = sqlite3_total_changes(db);
  bilik::stream_sql(db, std::string(reinterpret_cast<const char*>(data), size), {.timeout_seconds = 0.05, .max_rows = 20},
                    [](const std::vector<std::string>&) {}, [](const std::vector<bilik::Cell>&) {});
  if (sqlite3_total_changes(db) != changes || !sqlite3_get_autocommit(db) ||
      scalar(db, "SELECT count(*) FROM pragma_database_list") != 1 || scalar(db, "PRAGMA user_version") != 0)
    std::abort();
  return 0;
}
