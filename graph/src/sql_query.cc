#include "bilik/sql_query.h"

#include <chrono>
#include <memory>

#include "bilik/query.h"
#include "statement.h"

namespace bilik {
namespace {

bool one_of(const char* name, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (name && sqlite3_stricmp(name, n) == 0) return true;
  return false;
}

// A PRAGMA that only reads: one whose argument names what to describe
// (table_info(document)), or one without an argument that only reports a
// setting (user_version; with a value it would set it).
bool reading_pragma(const char* name, const char* argument) {
  if (one_of(name, {"table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
                    "foreign_key_list"}))
    return true;
  return argument == nullptr &&
         one_of(name, {"collation_list", "function_list", "pragma_list", "module_list", "database_list",
                       "compile_options", "user_version", "schema_version", "application_id", "page_count",
                       "page_size", "freelist_count", "encoding", "foreign_keys", "journal_mode"});
}

struct Guard {
  std::string denied;  // the first action the authorizer refused
  std::chrono::steady_clock::time_point deadline;
  bool timed = false, timed_out = false;
};

int authorize(void* data, int action, const char* a, const char* b, const char*, const char*) {
  auto* guard = static_cast<Guard*>(data);
  auto deny = [&](const std::string& what) {
    if (guard->denied.empty()) guard->denied = what;
    return SQLITE_DENY;
  };
  switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_FUNCTION:
    case SQLITE_RECURSIVE:
      return SQLITE_OK;
    case SQLITE_PRAGMA:
      if (reading_pragma(a, b)) return SQLITE_OK;
      return deny(std::string("PRAGMA ") + (a ? a : "") + (b ? " = " + std::string(b) : ""));
    case SQLITE_ATTACH: return deny("ATTACH");
    case SQLITE_DETACH: return deny("DETACH");
    case SQLITE_INSERT: return deny(std::string("INSERT INTO ") + (a ? a : ""));
    case SQLITE_UPDATE: return deny(std::string("UPDATE ") + (a ? a : ""));
    case SQLITE_DELETE: return deny(std::string("DELETE FROM ") + (a ? a : ""));
    case SQLITE_TRANSACTION: return deny("a transaction");
    case SQLITE_SAVEPOINT: return deny("SAVEPOINT");
    default: return deny("a statement that changes the schema or the file");
  }
}

int check_time(void* data) {
  auto* guard = static_cast<Guard*>(data);
  if (!guard->timed || std::chrono::steady_clock::now() < guard->deadline) return 0;
  guard->timed_out = true;
  return 1;  // interrupts the statement
}

std::string seconds_text(double s) {
  std::string t = std::to_string(s);
  t.erase(t.find_last_not_of('0') + 1);
  if (!t.empty() && t.back() == '.') t.pop_back();
  return t;
}

// A column of the current row, typed as SQLite holds it.
Cell cell(sqlite3_stmt* stmt, int i) {
  const int type = sqlite3_column_type(stmt, i);
  if (type == SQLITE_NULL) return Cell::null();
  if (type == SQLITE_INTEGER) return Cell::integer(sqlite3_column_int64(stmt, i));
  const unsigned char* text = sqlite3_column_text(stmt, i);
  std::string shown = text ? reinterpret_cast<const char*>(text) : "";
  return type == SQLITE_FLOAT ? Cell::real(std::move(shown)) : Cell(std::move(shown));
}

const char* kWrites = "queries open the store read-only; this statement would write to it or to another file";

}  // namespace

Result<SqlOutcome> stream_sql(sqlite3* db, const std::string& sql, const SqlLimits& limits,
                              const SqlColumns& on_columns, const SqlRow& on_row) {
  Guard guard;
  // Installed for this call only: the authorizer judges the statement as it
  // is prepared (and re-prepared), the progress handler as it runs.
  struct Handlers {
    sqlite3* db;
    ~Handlers() {
      sqlite3_set_authorizer(db, nullptr, nullptr);
      sqlite3_progress_handler(db, 0, nullptr, nullptr);
    }
  } handlers{db};
  sqlite3_set_authorizer(db, authorize, &guard);
  sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);

  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  const int prepared = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &raw, &tail);
  const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> owned(raw, sqlite3_finalize);
  auto fail = [](const std::string& why) { return Result<SqlOutcome>::failure(why); };
  if (prepared != SQLITE_OK) {
    if (!guard.denied.empty()) return fail(std::string(kWrites) + " (" + guard.denied + "); refused");
    return fail(sqlite3_errmsg(db));
  }
  if (!raw) return fail("the SQL holds no statement (only spaces or comments)");
  if (!sqlite3_stmt_readonly(raw)) return fail(std::string(kWrites) + "; refused");
  // Anything after the first statement but spaces and comments is a second one.
  sqlite3_stmt* second = nullptr;
  const int tail_prepared = sqlite3_prepare_v2(db, tail, -1, &second, nullptr);
  sqlite3_finalize(second);
  if (tail_prepared != SQLITE_OK || second) {
    std::string rest(tail);
    rest.erase(0, rest.find_first_not_of(" \t\r\n"));
    if (rest.size() > 40) rest = rest.substr(0, 40) + "...";
    return fail("the SQL holds more than one statement; run one at a time (refused before running any; the second "
                "begins '" + rest + "')");
  }
  std::vector<std::string> columns;
  for (int i = 0; i < sqlite3_column_count(raw); ++i) columns.push_back(sqlite3_column_name(raw, i));
  on_columns(columns);

  if (limits.timeout_seconds > 0) {
    guard.timed = true;
    guard.deadline = std::chrono::steady_clock::now() +
                     std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                         std::chrono::duration<double>(limits.timeout_seconds));
    sqlite3_progress_handler(db, 1000, check_time, &guard);
  }
  SqlOutcome outcome;
  std::vector<Cell> cells(columns.size(), Cell::null());
  int rc;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    if (limits.max_rows > 0 && outcome.rows == limits.max_rows) {
      outcome.truncated = true;
      return outcome;
    }
    for (size_t i = 0; i < cells.size(); ++i) cells[i] = cell(raw, static_cast<int>(i));
    on_row(cells);
    ++outcome.rows;
  }
  if (rc == SQLITE_DONE) return outcome;
  if (guard.timed_out)
    return fail("stopped after " + std::to_string(outcome.rows) + " rows: the query ran past --timeout " +
                seconds_text(limits.timeout_seconds) + " s (raise it, or --timeout 0 for no limit)");
  if ((sqlite3_extended_errcode(db) & 0xFF) == SQLITE_READONLY) return fail(std::string(kWrites) + "; refused");
  return fail(sqlite_problem(db));
}

Result<Table> run_sql(sqlite3* db, const std::string& sql) {
  Table table;
  auto done = stream_sql(
      db, sql, {}, [&](const std::vector<std::string>& columns) { table.columns = columns; },
      [&](const std::vector<Cell>& cells) { table.rows.push_back(cells); });
  if (!done) return Result<Table>::failure(done.error());
  return table;
}

}  // namespace bilik
