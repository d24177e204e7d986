// Private to the graph module: many rows into one table through multi-row
// INSERT statements (up to kRows rows each), each prepared once per
// inserter. One statement run per kRows rows instead of per row: SQLite
// opens and closes the table's and its indexes' cursors, halts and resets
// once per chunk, a third of the writer's cost per row.
//
// Rows go in in the order they were added, each exactly as its own INSERT
// would have put it (an OR IGNORE head ignores row by row), so rowids come
// in that order, one after another: flush() returns the rowid of the last.
// Text added with text() is bound without a copy: it must stay unchanged
// until flush().
//
//   RowInserter mentions(db, "INSERT INTO mention(document_id, entity_id)", 2);
//   for (...) mentions.integer(doc).integer(entity);
//   auto last = mentions.flush();  // the rowid of the last row, or the error
#pragma once

#include <sqlite3.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "bilik/result.h"

namespace bilik {

class RowInserter {
 public:
  static constexpr size_t kRows = 32;

  // `head`: "INSERT [OR IGNORE] INTO table(column, ...)", of `columns` columns.
  RowInserter(sqlite3* db, std::string head, int columns) : db_(db), head_(std::move(head)), columns_(columns) {}
  ~RowInserter();
  RowInserter(const RowInserter&) = delete;
  RowInserter& operator=(const RowInserter&) = delete;

  // The next value of the row being added (a row is `columns` values).
  RowInserter& integer(long long v) { return add({Value::Integer, v, 0, {}}); }
  RowInserter& real(double v) { return add({Value::Real, 0, v, {}}); }
  RowInserter& text(std::string_view v) { return add({Value::Text, 0, 0, v}); }
  RowInserter& null() { return add({Value::Null, 0, 0, {}}); }
  // Text, or NULL when empty.
  RowInserter& text_or_null(std::string_view v) { return v.empty() ? null() : text(v); }

  // Inserts the rows added since the last flush; the rowid of the last one
  // (0 when there were none), or SQLite's error.
  Result<long long> flush();
  // Drops the rows added since the last flush (after a failure elsewhere).
  void clear();

 private:
  struct Value {
    enum Kind { Integer, Real, Text, Null } kind;
    long long i;
    double d;
    std::string_view t;
  };
  RowInserter& add(const Value& v) {
    values_.push_back(v);
    return *this;
  }
  // The statement inserting `rows` rows, prepared on first use.
  sqlite3_stmt* statement(size_t rows);

  sqlite3* db_;
  std::string head_;
  int columns_;
  std::vector<Value> values_;
  std::array<sqlite3_stmt*, kRows + 1> statements_{};
};

}  // namespace bilik
