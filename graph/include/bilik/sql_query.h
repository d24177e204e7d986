// Read-only SQL from a user, run so that it can neither write nor run away.
//
// The statement is refused before it runs when it would write anything: a
// table (INSERT, CREATE, ...), another file (VACUUM INTO, ATTACH), or a
// setting (a PRAGMA with a value, or any PRAGMA outside a short list of
// ones that only read). SQLite decides this twice: sqlite3_stmt_readonly,
// and an authorizer that denies every writing action while the statement is
// prepared. The connection should be read-only as well (Store::Mode::ReadOnly).
// Exactly one statement is run: SQL with a second statement after the first
// is refused, not silently cut short. Rows are handed to `on_row` as SQLite
// produces them, each cell typed as SQLite holds it (integer, real, text,
// NULL), so memory holds one row whatever the result's size; the
// run stops after `max_rows` rows (0: no limit) and, through a progress
// handler, once `timeout_seconds` have passed (0: no limit), even inside a
// recursive CTE that never ends.
//
//   SqlLimits limits{.timeout_seconds = 5, .max_rows = 1000};
//   auto done = stream_sql(db, "SELECT name FROM entities", limits,
//                          [](const auto& columns) { ... }, [](const auto& row) { ... });
//   if (!done) report(done.error()); else if (done->truncated) warn();
#pragma once

#include <sqlite3.h>

#include <functional>
#include <string>
#include <vector>

#include "bilik/query.h"
#include "bilik/result.h"

namespace bilik {

struct SqlLimits {
  double timeout_seconds = 0;  // 0: none
  long long max_rows = 0;      // 0: none
};

struct SqlOutcome {
  long long rows = 0;
  bool truncated = false;  // stopped at max_rows with more rows to come
};

using SqlColumns = std::function<void(const std::vector<std::string>& columns)>;
using SqlRow = std::function<void(const std::vector<Cell>& cells)>;

// Runs one read-only statement; errors say why it was refused or stopped.
// Rows already handed to `on_row` stay handed when it stops at the timeout.
Result<SqlOutcome> stream_sql(sqlite3* db, const std::string& sql, const SqlLimits& limits,
                              const SqlColumns& on_columns, const SqlRow& on_row);

}  // namespace bilik
